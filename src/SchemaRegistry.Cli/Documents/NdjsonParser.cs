namespace SchemaRegistry.Cli.Documents;

/// <summary>
/// Newline-delimited JSON (.ndjson, .jsonl): one document per line. Blank lines are skipped (they still count for
/// line numbers); a line that is not one JSON value is reported as invalid with its line number, and reading goes on.
/// </summary>
internal sealed class NdjsonParser : IDocumentParser
{
    private long _line;
    private long _index;
    private bool _started;
    // Bytes of the pending, unterminated line already searched for a newline: a long line is scanned once, not once
    // per buffer refill.
    private int _scanned;

    /// <inheritdoc />
    public string? StopReason => null;

    /// <inheritdoc />
    public int Parse(ReadOnlySpan<byte> data, bool final, IDocumentSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        var consumed = 0;
        if (!_started)
        {
            if (data.Length < JsonText.ByteOrderMark.Length && !final) return 0;
            if (data.StartsWith(JsonText.ByteOrderMark)) consumed = JsonText.ByteOrderMark.Length;
            _started = true;
        }
        while (true)
        {
            var rest = data[consumed..];
            var newline = rest[_scanned..].IndexOf((byte)'\n');
            ReadOnlySpan<byte> line;
            if (newline >= 0)
            {
                line = rest[..(_scanned + newline)];
                consumed += _scanned + newline + 1;
            }
            else if (final && !rest.IsEmpty)
            {
                line = rest; // the last line has no newline
                consumed += rest.Length;
            }
            else
            {
                _scanned = rest.Length;
                return consumed;
            }
            _scanned = 0;
            _line++;
            ReadLine(line, sink);
        }
    }

    private void ReadLine(ReadOnlySpan<byte> line, IDocumentSink sink)
    {
        var start = 0;
        while (start < line.Length && JsonText.IsWhitespace(line[start])) start++;
        var end = line.Length;
        while (end > start && JsonText.IsWhitespace(line[end - 1])) end--;
        if (start == end) return;
        var json = line[start..end];
        var position = new DocumentPosition(_index++, _line);
        // Positions in messages count from the start of the line, not of the trimmed text.
        var problem = JsonText.Check(json, start);
        if (problem is null) sink.Document(position, json);
        else sink.Invalid(position, problem);
    }
}
