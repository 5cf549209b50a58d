namespace SchemaRegistry.Cli.Documents;

/// <summary>
/// Feeds a stream through a <see cref="IDocumentParser"/> one buffer at a time. Memory stays at one buffer (64 KiB,
/// grown only for a document larger than that) however large the file is.
/// </summary>
internal sealed class DocumentReader
{
    /// <summary>The largest single document (or NDJSON line) accepted; the server refuses far smaller requests.</summary>
    public const int MaxDocumentBytes = 512 * 1024 * 1024;

    private readonly Stream _stream;
    private readonly IDocumentParser _parser;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _starved;
    private bool _done;

    /// <summary>Creates a reader.</summary>
    /// <param name="stream">The file (not disposed here).</param>
    /// <param name="parser">How its bytes become documents.</param>
    /// <param name="bufferSize">The initial buffer size.</param>
    public DocumentReader(Stream stream, IDocumentParser parser, int bufferSize = 64 * 1024)
    {
        _stream = stream;
        _parser = parser;
        _buffer = new byte[bufferSize];
    }

    /// <summary>The size of the read buffer now: it grows only for a document larger than the buffer.</summary>
    public int BufferSize => _buffer.Length;

    /// <summary>How many bytes have been read from the stream so far.</summary>
    public long BytesRead { get; private set; }

    /// <summary>
    /// Reads the next buffer and reports the documents completed by it to <paramref name="sink"/>. Returns false once
    /// the stream is finished (everything reported) or the parser stopped.
    /// </summary>
    public async ValueTask<bool> ReadAsync(IDocumentSink sink, CancellationToken token)
    {
        if (_done) return false;
        while (true)
        {
            if (_start > 0)
            {
                // Keep the unconsumed tail (a partial line or element) at the front.
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }
            if (_end == _buffer.Length)
            {
                if (_buffer.Length >= MaxDocumentBytes)
                    throw new InvalidDataException($"A document (or line) is larger than {MaxDocumentBytes / (1024 * 1024)} MiB; the registry cannot take it in one request.");
                Array.Resize(ref _buffer, Math.Min(_buffer.Length * 2, MaxDocumentBytes));
            }
            var read = await _stream.ReadAsync(_buffer.AsMemory(_end), token);
            _end += read;
            BytesRead += read;
            var final = read == 0;
            // After a parse that consumed nothing, fill the buffer before parsing again: a document longer than a read
            // is then rescanned only each time the buffer doubles, not after every read.
            if (!final && _starved && _end < _buffer.Length) continue;
            var consumed = _parser.Parse(_buffer.AsSpan(0, _end), final, sink);
            _start = consumed;
            _starved = consumed == 0;
            if (final || _parser.StopReason is not null)
            {
                _done = true;
                return false;
            }
            return true;
        }
    }
}
