using System.Text.Json;

namespace SchemaRegistry.Cli.Documents;

/// <summary>
/// A .json file: one document, or a JSON array whose elements are the documents. An array is read element by
/// element, so a multi-gigabyte array never sits in memory; a single document has to (it is sent whole). A syntax
/// error in the array cannot be stepped over: it is reported as one invalid document and reading stops there.
/// </summary>
internal sealed class JsonFileParser : IDocumentParser
{
    private enum State { Start, Single, Array, AfterArray, Done }

    // Structure is followed with a generous depth; each element's own depth is then checked against the limit, so a
    // too-deep element is one invalid document rather than the end of the file.
    private static readonly JsonReaderOptions StructureOptions = new() { MaxDepth = 4096 };

    private State _state;
    private bool _started;
    private long _line = 1;
    private long _index;
    private bool _expectSeparator;
    private bool _afterComma;

    /// <inheritdoc />
    public string? StopReason { get; private set; }

    /// <summary>True once the file turned out to hold one document rather than an array of them.</summary>
    public bool IsSingleDocument { get; private set; }

    /// <inheritdoc />
    public int Parse(ReadOnlySpan<byte> data, bool final, IDocumentSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        var offset = 0;
        if (!_started)
        {
            if (data.Length < JsonText.ByteOrderMark.Length && !final) return 0;
            if (data.StartsWith(JsonText.ByteOrderMark)) offset = JsonText.ByteOrderMark.Length;
            _started = true;
        }
        while (true)
        {
            switch (_state)
            {
                case State.Done:
                    return data.Length;

                case State.Start:
                    offset = SkipWhitespace(data, offset);
                    if (offset == data.Length)
                    {
                        if (!final) return offset;
                        Stop(sink, "the file holds no JSON: expected a document or an array of documents");
                        continue;
                    }
                    if (data[offset] == (byte)'[')
                    {
                        offset++;
                        _state = State.Array;
                    }
                    else
                    {
                        _state = State.Single;
                        IsSingleDocument = true;
                    }
                    continue;

                case State.Single:
                    // One document: it is sent whole, so wait for all of it.
                    if (!final) return offset;
                    ReadSingle(data[offset..], sink);
                    _state = State.Done;
                    continue;

                case State.Array:
                    offset = SkipWhitespace(data, offset);
                    if (offset == data.Length)
                    {
                        if (!final) return offset;
                        Stop(sink, "the file ends before the array is closed with ']'");
                        continue;
                    }
                    var next = data[offset];
                    if (_expectSeparator)
                    {
                        if (next == (byte)',')
                        {
                            offset++;
                            _expectSeparator = false;
                            _afterComma = true;
                        }
                        else if (next == (byte)']')
                        {
                            offset++;
                            _state = State.AfterArray;
                        }
                        else
                        {
                            Stop(sink, $"expected ',' or ']' after the element at index {_index - 1}, found '{(char)next}'");
                        }
                        continue;
                    }
                    if (next == (byte)']')
                    {
                        if (_afterComma) Stop(sink, "a comma before ']' (JSON has no trailing commas)");
                        else
                        {
                            offset++;
                            _state = State.AfterArray;
                        }
                        continue;
                    }
                    var length = MeasureElement(data[offset..], final, sink);
                    if (length == 0) return offset; // incomplete: more bytes needed (or stopped, which consumes all)
                    if (length < 0) continue;
                    var element = data.Slice(offset, length);
                    var position = new DocumentPosition(_index++, _line);
                    var problem = JsonText.Check(element);
                    if (problem is null) sink.Document(position, element);
                    else sink.Invalid(position, problem);
                    _line += element.Count((byte)'\n');
                    offset += length;
                    _expectSeparator = true;
                    _afterComma = false;
                    continue;

                case State.AfterArray:
                    offset = SkipWhitespace(data, offset);
                    if (offset < data.Length)
                    {
                        Stop(sink, "unexpected content after the array's closing ']'");
                        continue;
                    }
                    if (final) _state = State.Done;
                    return offset;
            }
        }
    }

    /// <summary>
    /// The length of the element at the start of <paramref name="data"/>: 0 when it is not complete yet, -1 when it is
    /// not JSON (reported, and reading stopped).
    /// </summary>
    private int MeasureElement(ReadOnlySpan<byte> data, bool final, IDocumentSink sink)
    {
        var reader = new Utf8JsonReader(data, final, new JsonReaderState(StructureOptions));
        try
        {
            if (!reader.Read()) return 0;
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip()) return 0;
            return checked((int)reader.BytesConsumed);
        }
        catch (JsonException e)
        {
            Stop(sink, $"not valid JSON at line {_line + (e.LineNumber ?? 0)}: {JsonText.Reason(e)}", _line + (e.LineNumber ?? 0));
            return -1;
        }
    }

    private void ReadSingle(ReadOnlySpan<byte> data, IDocumentSink sink)
    {
        var position = new DocumentPosition(_index++, _line);
        var problem = JsonText.Check(data, firstLine: _line);
        if (problem is null) sink.Document(position, data);
        else sink.Invalid(position, problem);
    }

    private void Stop(IDocumentSink sink, string reason, long? line = null)
    {
        sink.Invalid(new DocumentPosition(_index++, line ?? _line), reason);
        StopReason = reason;
        _state = State.Done;
    }

    private int SkipWhitespace(ReadOnlySpan<byte> data, int offset)
    {
        while (offset < data.Length && JsonText.IsWhitespace(data[offset]))
        {
            if (data[offset] == (byte)'\n') _line++;
            offset++;
        }
        return offset;
    }
}
