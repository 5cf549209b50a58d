namespace SchemaRegistry.Cli.Documents;

/// <summary>How a data file holds its documents.</summary>
internal enum InputFormat
{
    /// <summary>Decided by the file's extension.</summary>
    Auto,

    /// <summary>One JSON document, or a JSON array of documents.</summary>
    Json,

    /// <summary>One JSON document per line (NDJSON, JSON Lines).</summary>
    Ndjson,
}

/// <summary>Picks the format of a data file.</summary>
internal static class InputFormats
{
    /// <summary>
    /// The format to read <paramref name="path"/> with: the one asked for, else by extension (.json; .ndjson, .jsonl).
    /// Standard input (<c>-</c>) defaults to NDJSON. Returns null when the extension says nothing.
    /// </summary>
    public static InputFormat? Resolve(string path, InputFormat requested)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (requested != InputFormat.Auto) return requested;
        if (StandardInput.Is(path)) return InputFormat.Ndjson;
        return Path.GetExtension(path).ToUpperInvariant() switch
        {
            ".JSON" => InputFormat.Json,
            ".NDJSON" or ".JSONL" or ".LDJSON" => InputFormat.Ndjson,
            _ => null,
        };
    }

    /// <summary>A parser for the format.</summary>
    public static IDocumentParser CreateParser(InputFormat format) =>
        format == InputFormat.Json ? new JsonFileParser() : new NdjsonParser();
}
