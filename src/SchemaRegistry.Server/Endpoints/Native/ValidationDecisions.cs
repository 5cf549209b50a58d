using System.Buffers;
using System.Diagnostics;
using System.Text.Json;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Formats;
using SchemaRegistry.Core.Observability;
using SchemaRegistry.Server.Hosting;

namespace SchemaRegistry.Server.Endpoints.Native;

/// <summary>
/// Verdicts on request bodies. A document is first offered to the validator's stream path, which accepts a valid
/// document straight from its text (<see cref="IDataValidator.IsCertainlyValid"/>); only a document it does not
/// accept is parsed into a <see cref="JsonDocument"/> for the verdict and the errors. In a batch each item goes the
/// same way, so a batch of valid documents never becomes one large document. Bodies that are not JSON get the
/// document parser's 400, which says where they broke.
/// </summary>
internal static class ValidationDecisions
{
    /// <summary>The verdicts of a batch, in pooled storage: <see cref="Return"/> it once written.</summary>
    internal readonly record struct Batch(ValidationOutcome[] Outcomes, int Count, int Valid)
    {
        public void Return()
        {
            Array.Clear(Outcomes, 0, Count);
            ArrayPool<ValidationOutcome>.Shared.Return(Outcomes);
        }
    }

    /// <summary>The verdict on one document.</summary>
    public static ValidationOutcome DecideOne(IDataValidator validator, ReadOnlySequence<byte> body, LimitOptions limits, RegistryTelemetry telemetry)
    {
        var json = Contiguous(body, out var rented);
        try
        {
            var started = telemetry.ValidationMetricsEnabled ? Stopwatch.GetTimestamp() : 0;
            var outcome = AcceptedFromText(validator, json, limits) ? ValidationOutcome.Valid : DecideParsed(validator, json, limits);
            Record(telemetry, started, outcome.IsValid);
            return outcome;
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>The verdicts on a batch (a JSON array of documents).</summary>
    public static Batch DecideBatch(IDataValidator validator, ReadOnlySequence<byte> body, LimitOptions limits, RegistryTelemetry telemetry)
    {
        if (TryDecideItems(validator, body, limits, telemetry) is { } batch) return batch;
        // Only a refusal needs the whole text in one piece (the document parser then says where it broke).
        var json = Contiguous(body, out var rented);
        try
        {
            throw Refusal(json, limits);
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Accepted only when the stream path says valid and nothing but whitespace follows the document.</summary>
    private static bool AcceptedFromText(IDataValidator validator, ReadOnlySpan<byte> json, LimitOptions limits) =>
        validator.IsCertainlyValid(json, limits.MaxJsonDepth, out var end) && SkipWhitespace(json, end) == json.Length;

    private static ValidationOutcome DecideParsed(IDataValidator validator, ReadOnlySpan<byte> json, LimitOptions limits)
    {
        using var document = Parse(json, limits);
        return validator.Validate(document.RootElement);
    }

    /// <summary>
    /// Walks the array once, in its text, where it lies in the request's buffers (64 KiB segments, not copied into one
    /// piece): each item the stream path accepts inside its segment costs no document and no token reader. Any other
    /// item (one that is not certainly valid, or that runs across a segment's end) is read to its end by a token
    /// reader, copied alone when it spans segments, and decided from its own bytes (parsed for its verdict and errors
    /// when the stream path does not accept it). Null when the body is not an array of JSON values
    /// (<see cref="Refusal"/> then says what is wrong).
    /// </summary>
    private static Batch? TryDecideItems(IDataValidator validator, ReadOnlySequence<byte> body, LimitOptions limits, RegistryTelemetry telemetry)
    {
        // An item nests one level below the array.
        var itemDepth = Math.Max(1, limits.MaxJsonDepth - 1);
        var outcomes = ArrayPool<ValidationOutcome>.Shared.Rent(64);
        var count = 0;
        var valid = 0;
        // One clock read per document: a document's end is the next one's start.
        var started = telemetry.ValidationMetricsEnabled ? Stopwatch.GetTimestamp() : 0;
        try
        {
            var reader = new SequenceReader<byte>(body);
            SkipWhitespace(ref reader);
            if (!reader.TryRead(out var next) || next != (byte)'[') return Release(outcomes, count);
            SkipWhitespace(ref reader);
            if (reader.TryPeek(out next) && next == (byte)']')
            {
                reader.Advance(1);
            }
            else
            {
                while (true)
                {
                    if (count == limits.MaxBatchDocuments) throw TooManyDocuments(CountItems(body, limits), limits);
                    ValidationOutcome outcome;
                    var span = reader.UnreadSpan;
                    // Accepted where it lies when the value ends inside this segment with a byte after it, or at the
                    // end of the last one: a number at a segment's end could go on in the next segment.
                    if (validator.IsCertainlyValid(span, itemDepth, out var length) && (length < span.Length || reader.Remaining == span.Length))
                    {
                        outcome = ValidationOutcome.Valid;
                        reader.Advance(length);
                    }
                    else
                    {
                        outcome = DecideItem(validator, body.Slice(reader.Position), itemDepth, limits, out var itemLength);
                        reader.Advance(itemLength);
                    }
                    started = Record(telemetry, started, outcome.IsValid);
                    if (count == outcomes.Length) outcomes = Grow(outcomes, count);
                    outcomes[count++] = outcome;
                    if (outcome.IsValid) valid++;
                    SkipWhitespace(ref reader);
                    if (!reader.TryRead(out next)) return Release(outcomes, count);
                    if (next == (byte)']') break;
                    if (next != (byte)',') return Release(outcomes, count);
                    SkipWhitespace(ref reader);
                }
            }
            // Past the closing bracket: only whitespace may follow.
            SkipWhitespace(ref reader);
            return reader.End ? new Batch(outcomes, count, valid) : Release(outcomes, count);
        }
        catch (JsonException)
        {
            return Release(outcomes, count); // not JSON: Refusal says where
        }
        catch
        {
            Release(outcomes, count);
            throw;
        }
    }

    /// <summary>
    /// The item at the start of <paramref name="rest"/>: read to its end with a token reader (which throws
    /// <see cref="JsonException"/> on text that is not JSON), then decided from its own bytes.
    /// </summary>
    private static ValidationOutcome DecideItem(IDataValidator validator, ReadOnlySequence<byte> rest, int itemDepth, LimitOptions limits, out long length)
    {
        var tokens = new Utf8JsonReader(rest, new JsonReaderOptions { MaxDepth = itemDepth });
        if (!tokens.Read()) throw new JsonException("The batch ends where an item was expected.");
        tokens.Skip();
        length = tokens.BytesConsumed;
        var item = Contiguous(rest.Slice(0, length), out var rented);
        try
        {
            // An item that only ran across a segment's end is usually valid: the stream path decides it first.
            return validator.IsCertainlyValid(item, itemDepth, out var consumed) && consumed == item.Length
                ? ValidationOutcome.Valid
                : DecideParsed(validator, item, limits);
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Steps over JSON whitespace (most often the one space after a comma).</summary>
    private static void SkipWhitespace(ref SequenceReader<byte> reader)
    {
        while (reader.TryPeek(out var b) && b is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t') reader.Advance(1);
    }

    /// <summary>The offset of the first byte at or after <paramref name="position"/> that is not JSON whitespace.</summary>
    private static int SkipWhitespace(ReadOnlySpan<byte> json, int position)
    {
        var next = json[position..].IndexOfAnyExcept(" \t\r\n"u8);
        return next < 0 ? json.Length : position + next;
    }

    /// <summary>
    /// Why a body the item walk could not read is refused: the document parser's 400 (saying where) for text that is
    /// not JSON, the batch rule's 400 for a value that is not an array.
    /// </summary>
    private static InvalidOperationException Refusal(ReadOnlySpan<byte> json, LimitOptions limits)
    {
        using var document = Parse(json, limits);
        Core.Services.ValidationService.EnsureBatch(document.RootElement);
        return new InvalidOperationException("The batch body is a JSON array, yet the item walk could not read it.");
    }

    /// <summary>How many items the batch has in all (for the message).</summary>
    private static int CountItems(ReadOnlySequence<byte> json, LimitOptions limits)
    {
        var reader = new Utf8JsonReader(json, ReaderOptions(limits));
        var counted = 0;
        reader.Read();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            reader.Skip();
            counted++;
        }
        return counted;
    }

    /// <summary>
    /// Counts the document, with its duration when someone listens to it (the clock is read only then). Answers the
    /// time it ended (0 when not measured).
    /// </summary>
    private static long Record(RegistryTelemetry telemetry, long started, bool valid)
    {
        if (started == 0)
        {
            telemetry.Counted(valid);
            return 0;
        }
        var ended = Stopwatch.GetTimestamp();
        telemetry.Validated(valid, ended - started);
        return ended;
    }

    private static RegistryException TooManyDocuments(int count, LimitOptions limits) =>
        new(ErrorCode.PayloadTooLarge, $"The batch has {count} documents; at most {limits.MaxBatchDocuments} are accepted per request. Split it.");

    private static ValidationOutcome[] Grow(ValidationOutcome[] outcomes, int count)
    {
        var larger = ArrayPool<ValidationOutcome>.Shared.Rent(count * 2);
        Array.Copy(outcomes, larger, count);
        Array.Clear(outcomes, 0, count);
        ArrayPool<ValidationOutcome>.Shared.Return(outcomes);
        return larger;
    }

    private static Batch? Release(ValidationOutcome[] outcomes, int count)
    {
        new Batch(outcomes, count, 0).Return();
        return null;
    }

    /// <summary>The request's nesting limit, for every reader over a body (the stream path's and the parser's).</summary>
    private static JsonReaderOptions ReaderOptions(LimitOptions limits) => new() { MaxDepth = limits.MaxJsonDepth };

    /// <summary>The body as one span: the pipe's own buffer when it arrived in one segment, else a pooled copy.</summary>
    private static ReadOnlySpan<byte> Contiguous(ReadOnlySequence<byte> body, out byte[]? rented)
    {
        if (body.IsSingleSegment)
        {
            rented = null;
            return body.FirstSpan;
        }
        rented = ArrayPool<byte>.Shared.Rent(checked((int)body.Length));
        body.CopyTo(rented);
        return rented.AsSpan(0, (int)body.Length);
    }

    /// <summary>Parses a document, enforcing the nesting limit; text that is not JSON is a 400 that says where it broke.</summary>
    private static JsonDocument Parse(ReadOnlySpan<byte> json, LimitOptions limits)
    {
        // ParseValue copies the value into pooled memory, so the caller may release the request's buffers after.
        JsonDocument? document = null;
        try
        {
            var reader = new Utf8JsonReader(json, ReaderOptions(limits));
            document = JsonDocument.ParseValue(ref reader);
            reader.Read(); // throws on anything but whitespace after the document
            return document;
        }
        catch (JsonException e)
        {
            document?.Dispose();
            throw new RegistryException(ErrorCode.BadRequest, DescribeDocumentError(e, limits));
        }
    }

    private static string DescribeDocumentError(JsonException e, LimitOptions limits)
    {
        var where = e.LineNumber is { } line ? $" at line {line + 1}, position {e.BytePositionInLine + 1}" : "";
        return e.Message.Contains("maximum configured depth", StringComparison.OrdinalIgnoreCase)
            ? $"The document nests deeper than the limit of {limits.MaxJsonDepth} levels{where}."
            : $"The request body is not valid JSON{where}: {FirstSentence(e.Message)}";
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut].TrimEnd() : message;
    }
}
