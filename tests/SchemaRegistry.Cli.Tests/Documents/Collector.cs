using System.Text;
using SchemaRegistry.Cli.Documents;

namespace SchemaRegistry.Cli.Tests.Documents;

/// <summary>Records what a parser reports, in order.</summary>
internal sealed class Collector : IDocumentSink
{
    public List<(DocumentPosition Position, string? Json, string? Problem)> Items { get; } = [];

    public IEnumerable<(DocumentPosition Position, string Json)> Documents => Items.Where(i => i.Json is not null).Select(i => (i.Position, i.Json!));

    public IEnumerable<(DocumentPosition Position, string Problem)> Problems => Items.Where(i => i.Problem is not null).Select(i => (i.Position, i.Problem!));

    public void Document(DocumentPosition position, ReadOnlySpan<byte> json) => Items.Add((position, Encoding.UTF8.GetString(json), null));

    public void Invalid(DocumentPosition position, string message) => Items.Add((position, null, message));

    /// <summary>Reads all of <paramref name="bytes"/> through a reader with the given initial buffer size.</summary>
    public static async Task<(Collector Collector, DocumentReader Reader, IDocumentParser Parser)> ReadAsync(byte[] bytes, InputFormat format, int bufferSize, bool trickle = false)
    {
        var collector = new Collector();
        var parser = InputFormats.CreateParser(format);
        Stream stream = trickle ? new TrickleStream(bytes) : new MemoryStream(bytes);
        var reader = new DocumentReader(stream, parser, bufferSize);
        while (await reader.ReadAsync(collector, CancellationToken.None)) { }
        return (collector, reader, parser);
    }

    public static Task<(Collector Collector, DocumentReader Reader, IDocumentParser Parser)> ReadAsync(string text, InputFormat format, int bufferSize, bool trickle = false) =>
        ReadAsync(Encoding.UTF8.GetBytes(text), format, bufferSize, trickle);
}

/// <summary>A stream that hands out a few bytes per read, as a pipe might: every boundary gets exercised.</summary>
internal sealed class TrickleStream(byte[] data) : Stream
{
    private int _position;

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = Math.Min(Math.Min(count, 3), data.Length - _position);
        Array.Copy(data, _position, buffer, offset, n);
        _position += n;
        return n;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _position; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>
/// An NDJSON or JSON-array stream generated on the fly, never held in memory: for checking that reading a large file
/// keeps memory flat.
/// </summary>
internal sealed class GeneratedStream(long documents, bool asArray) : Stream
{
    private long _next;
    private byte[] _pending = [];
    private int _pendingOffset;
    private bool _finished;

    public long BytesProduced { get; private set; }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_pendingOffset == _pending.Length && !Refill()) return 0;
        var n = Math.Min(count, _pending.Length - _pendingOffset);
        Array.Copy(_pending, _pendingOffset, buffer, offset, n);
        _pendingOffset += n;
        BytesProduced += n;
        return n;
    }

    private bool Refill()
    {
        if (_finished) return false;
        var text = new StringBuilder();
        if (asArray && _next == 0) text.Append('[');
        for (var i = 0; i < 1000 && _next < documents; i++, _next++)
        {
            if (asArray && _next > 0) text.Append(",\n");
            text.Append("{\"name\":\"person ").Append(_next).Append("\",\"tags\":[\"a\",\"b\"],\"nested\":{\"n\":").Append(_next).Append("}}");
            if (!asArray) text.Append('\n');
        }
        if (_next == documents)
        {
            if (asArray) text.Append(']');
            _finished = true;
        }
        _pending = Encoding.UTF8.GetBytes(text.ToString());
        _pendingOffset = 0;
        return _pending.Length > 0;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => BytesProduced; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
