namespace SchemaRegistry.Formats.Avro.Parsing;

/// <summary>
/// The Avro name grammar, as Java's <c>Schema.validateName</c> applies it to simple names, field names, aliases and
/// enum symbols: a letter or underscore, then letters, digits or underscores (Unicode letters pass, as in Java).
/// </summary>
internal static class NameRules
{
    /// <summary>Null when <paramref name="name"/> is a valid simple name, else Java's message.</summary>
    public static string? Problem(string name)
    {
        if (name.Length == 0) return "Empty name";
        if (!(char.IsLetter(name[0]) || name[0] == '_')) return $"Illegal initial character: {name}";
        foreach (var c in name.AsSpan(1))
        {
            if (!(char.IsLetterOrDigit(c) || c == '_')) return $"Illegal character in: {name}";
        }
        return null;
    }

    /// <summary>Throws the refusal when <paramref name="name"/> is not a valid simple name.</summary>
    public static void Check(string name, string pointer, string what)
    {
        var problem = Problem(name);
        if (problem is not null) throw new AvroSchemaException(pointer, $"{problem} (invalid {what})");
    }

    /// <summary>Checks the simple part of a possibly qualified name (Java 1.11 does not check namespaces).</summary>
    public static void CheckQualified(string name, string pointer, string what)
    {
        var dot = name.LastIndexOf('.');
        Check(dot < 0 ? name : name[(dot + 1)..], pointer, what);
    }
}
