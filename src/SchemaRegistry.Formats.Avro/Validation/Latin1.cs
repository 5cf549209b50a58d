using System.Runtime.InteropServices;
using System.Text.Json;

namespace SchemaRegistry.Formats.Avro.Validation;

/// <summary>
/// Bytes and fixed values in Avro's JSON encoding are strings whose characters are the bytes (code points U+0000 to
/// U+00FF, ISO-8859-1). This reads the raw UTF-8 of the JSON string, escapes included, without decoding it into a
/// .NET string: the valid path allocates nothing.
/// </summary>
internal static class Latin1
{
    /// <summary>True when every character is at most U+00FF; <paramref name="length"/> is the number of characters (bytes).</summary>
    public static bool TryMeasure(JsonElement text, out int length)
    {
        length = 0;
        var raw = JsonMarshal.GetRawUtf8Value(text);
        raw = raw[1..^1]; // the quotes
        for (var i = 0; i < raw.Length; length++)
        {
            var b = raw[i];
            if (b == (byte)'\\')
            {
                if (raw[i + 1] != (byte)'u')
                {
                    i += 2;
                    continue;
                }
                if (Hex(raw.Slice(i + 2, 4)) > 0xFF) return false;
                i += 6;
            }
            else if (b < 0x80)
            {
                i++;
            }
            else if (b is 0xC2 or 0xC3)
            {
                i += 2; // U+0080 to U+00FF
            }
            else
            {
                return false;
            }
        }
        return true;
    }

    private static int Hex(ReadOnlySpan<byte> digits)
    {
        var value = 0;
        foreach (var d in digits)
        {
            value = (value << 4) | (d switch
            {
                >= (byte)'0' and <= (byte)'9' => d - '0',
                >= (byte)'a' and <= (byte)'f' => d - 'a' + 10,
                _ => d - 'A' + 10,
            });
        }
        return value;
    }
}
