using System.Text.Json;
using System.Text.Unicode;

namespace SchemaRegistry.Cli.Documents;

/// <summary>Checks one document's bytes the way the server will read them, so a bad one never spoils a batch.</summary>
internal static class JsonText
{
    /// <summary>
    /// The deepest nesting accepted. The server refuses a request nested deeper than 128 levels (its default
    /// Registry:Limits:MaxJsonDepth) and a batch adds one level (the array), so a deeper document is reported here as
    /// invalid instead of failing its whole batch.
    /// </summary>
    public const int MaxDepth = 127;

    /// <summary>The reader options documents are checked with: strict JSON (no comments, no trailing commas).</summary>
    public static JsonReaderOptions ReaderOptions { get; } = new() { MaxDepth = MaxDepth };

    /// <summary>The UTF-8 byte order mark, skipped at the start of a file.</summary>
    public static ReadOnlySpan<byte> ByteOrderMark => [0xEF, 0xBB, 0xBF];

    /// <summary>True for the whitespace JSON allows between tokens.</summary>
    public static bool IsWhitespace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    /// <summary>
    /// Checks that <paramref name="json"/> holds exactly one JSON value (surrounding whitespace allowed).
    /// Returns null when it does, or a message that says what is wrong and where (1-based position).
    /// </summary>
    /// <param name="json">The bytes.</param>
    /// <param name="positionOffset">Added to positions in the message (where the bytes start in their line).</param>
    /// <param name="firstLine">When not 0, the file line the bytes start on: messages then name the line.</param>
    public static string? Check(ReadOnlySpan<byte> json, int positionOffset = 0, long firstLine = 0)
    {
        if (!Utf8.IsValid(json)) return "not valid UTF-8";
        var reader = new Utf8JsonReader(json, ReaderOptions);
        try
        {
            if (!reader.Read()) return "empty";
            reader.Skip();
            // With a final block, anything but whitespace after the value throws here.
            while (reader.Read()) { }
            return null;
        }
        catch (JsonException e)
        {
            return Describe(e, positionOffset, firstLine);
        }
    }

    /// <summary>The reason of a JSON error, without .NET's line/byte suffix.</summary>
    public static string Reason(JsonException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var reason = e.Message;
        var cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return cut > 0 ? reason[..cut].TrimEnd() : reason;
    }

    /// <summary>A JSON error as "not valid JSON at [line L, ]position N: reason", without .NET's line/byte suffix.</summary>
    public static string Describe(JsonException e, long positionOffset = 0, long firstLine = 0)
    {
        var reason = Reason(e);
        if (reason.Contains("maximum configured depth", StringComparison.OrdinalIgnoreCase))
            return $"nested deeper than {MaxDepth} levels";
        var line = firstLine > 0 ? $"line {firstLine + (e.LineNumber ?? 0)}, " : "";
        return e.BytePositionInLine is { } position
            ? $"not valid JSON at {line}position {position + 1 + positionOffset}: {reason}"
            : $"not valid JSON: {reason}";
    }
}
