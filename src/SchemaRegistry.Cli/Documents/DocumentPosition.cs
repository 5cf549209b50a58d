namespace SchemaRegistry.Cli.Documents;

/// <summary>Where a document is in its file.</summary>
/// <param name="Index">Its 0-based ordinal among the documents of the file (array index for a JSON array).</param>
/// <param name="Line">The 1-based line it starts on.</param>
internal readonly record struct DocumentPosition(long Index, long Line);

/// <summary>Receives what a parser finds, in file order.</summary>
internal interface IDocumentSink
{
    /// <summary>A complete, well-formed JSON document. The bytes are only valid during the call: copy them.</summary>
    void Document(DocumentPosition position, ReadOnlySpan<byte> json);

    /// <summary>Something that is not a JSON document (a line that does not parse, a broken array element).</summary>
    void Invalid(DocumentPosition position, string message);
}

/// <summary>
/// A push parser over a file's bytes: it is handed the unconsumed bytes so far and reports every complete document
/// in them. It never needs the whole file, only the document being read.
/// </summary>
internal interface IDocumentParser
{
    /// <summary>
    /// Reports the complete documents at the start of <paramref name="data"/> and returns how many bytes they took.
    /// What is left is handed back, followed by more bytes, on the next call.
    /// </summary>
    /// <param name="data">The bytes not consumed yet.</param>
    /// <param name="final">True when no more bytes will come: everything must be consumed.</param>
    /// <param name="sink">Receives the documents.</param>
    int Parse(ReadOnlySpan<byte> data, bool final, IDocumentSink sink);

    /// <summary>Why reading stopped before the end of the file (a JSON file broken beyond repair), or null.</summary>
    string? StopReason { get; }
}
