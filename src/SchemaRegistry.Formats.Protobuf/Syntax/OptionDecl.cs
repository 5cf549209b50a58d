namespace SchemaRegistry.Formats.Protobuf.Syntax;

/// <summary>
/// An option: the name as written without spaces (<c>java_package</c>, <c>(my.opt)</c>, <c>(my.opt).field</c>) and its value.
/// </summary>
internal sealed record OptionDecl(string Name, OptionValue Value)
{
    /// <summary>True for a custom (extension) option, written in parentheses.</summary>
    public bool IsCustom => Name.StartsWith('(');
}

/// <summary>What an option value is.</summary>
internal enum OptionValueKind
{
    /// <summary>A string literal (the text is unescaped).</summary>
    String,
    /// <summary>An identifier: <c>true</c>, <c>false</c>, an enum value name, <c>inf</c>, <c>nan</c> (possibly signed).</summary>
    Identifier,
    /// <summary>A number as written, with its sign.</summary>
    Number,
    /// <summary>A text-format message <c>{ key: value ... }</c>.</summary>
    Aggregate,
    /// <summary>A list <c>[a, b]</c> inside an aggregate.</summary>
    List,
}

/// <summary>An option value: a scalar as written, an aggregate of named values, or a list.</summary>
internal sealed class OptionValue
{
    private OptionValue(OptionValueKind kind, string text)
    {
        Kind = kind;
        Text = text;
    }

    public OptionValueKind Kind { get; }

    /// <summary>The scalar's text (unescaped for strings); empty for aggregates and lists.</summary>
    public string Text { get; }

    /// <summary>The members of an aggregate, in written order.</summary>
    public List<KeyValuePair<string, OptionValue>> Fields { get; } = [];

    /// <summary>The items of a list.</summary>
    public List<OptionValue> Items { get; } = [];

    public static OptionValue Scalar(OptionValueKind kind, string text) => new(kind, text);

    public static OptionValue Aggregate() => new(OptionValueKind.Aggregate, "");

    public static OptionValue List() => new(OptionValueKind.List, "");
}
