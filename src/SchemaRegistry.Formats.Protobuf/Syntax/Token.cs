namespace SchemaRegistry.Formats.Protobuf.Syntax;

/// <summary>What a token is.</summary>
internal enum TokenKind
{
    /// <summary>A name: letters, digits and underscores, not starting with a digit (keywords are identifiers too).</summary>
    Identifier,
    /// <summary>An integer or floating-point literal, kept as written (<c>0x1F</c>, <c>1e5</c>, <c>.5</c>).</summary>
    Number,
    /// <summary>A string literal, already unescaped; adjacent literals are joined.</summary>
    String,
    /// <summary>One punctuation character: <c>= ; { } [ ] ( ) &lt; &gt; , . : - +</c>.</summary>
    Symbol,
    /// <summary>The end of the text.</summary>
    End,
}

/// <summary>One token with its 1-based position, for messages that say where.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Line, int Column)
{
    public bool Is(string symbolOrWord) => (Kind is TokenKind.Symbol or TokenKind.Identifier) && Text == symbolOrWord;

    public string Describe() => Kind switch
    {
        TokenKind.End => "the end of the file",
        TokenKind.String => $"string \"{Text}\"",
        _ => $"'{Text}'",
    };
}
