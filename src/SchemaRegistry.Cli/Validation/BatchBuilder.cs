using System.Buffers;
using SchemaRegistry.Cli.Documents;

namespace SchemaRegistry.Cli.Validation;

/// <summary>A batch ready to send: the JSON array body and where each of its documents came from.</summary>
/// <param name="Body">The UTF-8 JSON array.</param>
/// <param name="Positions">The position of the document at each array index.</param>
internal sealed record DocumentBatch(ReadOnlyMemory<byte> Body, DocumentPosition[] Positions);

/// <summary>
/// Collects well-formed documents into JSON-array request bodies of at most <c>maxDocuments</c> documents (or about
/// <c>maxBytes</c> bytes, whichever comes first, so a batch of large documents stays under the server's request
/// limit). Documents that are not JSON go straight to the tally: the server never sees them.
/// </summary>
internal sealed class BatchBuilder : IDocumentSink
{
    /// <summary>The default byte budget of one batch: well under the server's default 32 MiB request limit.</summary>
    public const int DefaultMaxBytes = 4 * 1024 * 1024;

    private readonly int _maxDocuments;
    private readonly int _maxBytes;
    private readonly ValidationTally _tally;
    private readonly Queue<DocumentBatch> _ready = new();
    private readonly List<DocumentPosition> _positions = [];
    private ArrayBufferWriter<byte>? _body;

    /// <summary>Creates a builder.</summary>
    /// <param name="maxDocuments">The most documents in one batch.</param>
    /// <param name="tally">Receives the documents that are not JSON.</param>
    /// <param name="maxBytes">A batch is closed once its body reaches this size.</param>
    public BatchBuilder(int maxDocuments, ValidationTally tally, int maxBytes = DefaultMaxBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDocuments, 1);
        _maxDocuments = maxDocuments;
        _maxBytes = maxBytes;
        _tally = tally;
    }

    /// <inheritdoc />
    public void Document(DocumentPosition position, ReadOnlySpan<byte> json)
    {
        var body = _body ??= new ArrayBufferWriter<byte>(Math.Min(_maxBytes, 64 * 1024));
        body.Write(_positions.Count == 0 ? "["u8 : ","u8);
        body.Write(json);
        _positions.Add(position);
        if (_positions.Count >= _maxDocuments || body.WrittenCount >= _maxBytes) Seal(body);
    }

    /// <inheritdoc />
    public void Invalid(DocumentPosition position, string message) => _tally.AddUnreadable(position, message);

    /// <summary>Closes the batch being filled, if it has any document.</summary>
    public void Flush()
    {
        if (_body is not null && _positions.Count > 0) Seal(_body);
    }

    /// <summary>Takes the next complete batch, in file order.</summary>
    public bool TryTake(out DocumentBatch batch) => _ready.TryDequeue(out batch!);

    private void Seal(ArrayBufferWriter<byte> body)
    {
        body.Write("]"u8);
        _ready.Enqueue(new DocumentBatch(body.WrittenMemory, [.. _positions]));
        _body = null;
        _positions.Clear();
    }
}
