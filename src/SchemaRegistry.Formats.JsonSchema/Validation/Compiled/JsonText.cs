using System.Buffers;
using System.Text;

namespace SchemaRegistry.Formats.JsonSchema.Validation.Compiled;

/// <summary>
/// Reads JSON string text in place (UTF-8, escapes not yet decoded), so string keywords need no <see cref="string"/>.
/// </summary>
internal static class JsonText
{
    /// <summary>The most characters decoded on the stack; longer strings use a pooled buffer.</summary>
    public const int StackChars = 256;

    /// <summary>
    /// Decodes <paramref name="raw"/> into <paramref name="buffer"/>, which must hold at least <c>raw.Length</c> chars
    /// (decoding never produces more chars than bytes). An escaped lone surrogate becomes that char, as it is in UTF-16.
    /// </summary>
    public static int Decode(ReadOnlySpan<byte> raw, Span<char> buffer)
    {
        var written = 0;
        while (!raw.IsEmpty)
        {
            var backslash = raw.IndexOf((byte)'\\');
            var plain = backslash < 0 ? raw : raw[..backslash];
            if (!plain.IsEmpty) written += Encoding.UTF8.GetChars(plain, buffer[written..]);
            if (backslash < 0) break;
            var escape = raw[backslash + 1];
            raw = raw[(backslash + 2)..];
            switch (escape)
            {
                case (byte)'n': buffer[written++] = '\n'; break;
                case (byte)'t': buffer[written++] = '\t'; break;
                case (byte)'r': buffer[written++] = '\r'; break;
                case (byte)'b': buffer[written++] = '\b'; break;
                case (byte)'f': buffer[written++] = '\f'; break;
                case (byte)'u':
                    buffer[written++] = (char)Hex(raw[..4]);
                    raw = raw[4..];
                    break;
                default: buffer[written++] = (char)escape; break; // \" \\ \/
            }
        }
        return written;
    }

    /// <summary>
    /// The number of Unicode code points of the string (what <c>minLength</c>/<c>maxLength</c> count): UTF-8 lead
    /// bytes, plus one per escape, where an escaped surrogate pair counts once.
    /// </summary>
    public static int CodePoints(ReadOnlySpan<byte> raw)
    {
        // Most strings have no escapes: then it is the bytes minus the UTF-8 continuation bytes (vectorised scans).
        if (raw.IndexOf((byte)'\\') < 0)
        {
            return Ascii.IsValid(raw) ? raw.Length : raw.Length - CountContinuationBytes(raw);
        }
        var count = 0;
        var i = 0;
        while (i < raw.Length)
        {
            var b = raw[i];
            if (b != (byte)'\\')
            {
                if ((b & 0xC0) != 0x80) count++;
                i++;
                continue;
            }
            if (raw[i + 1] != (byte)'u')
            {
                count++;
                i += 2;
                continue;
            }
            var high = Hex(raw.Slice(i + 2, 4));
            i += 6;
            count++;
            if (high is >= 0xD800 and <= 0xDBFF && i + 6 <= raw.Length && raw[i] == (byte)'\\' && raw[i + 1] == (byte)'u'
                && Hex(raw.Slice(i + 2, 4)) is >= 0xDC00 and <= 0xDFFF)
            {
                i += 6;
            }
        }
        return count;
    }

    private static int CountContinuationBytes(ReadOnlySpan<byte> utf8)
    {
        var count = 0;
        foreach (var b in utf8)
        {
            if ((b & 0xC0) == 0x80) count++;
        }
        return count;
    }

    /// <summary>The value of four hex digits (the document parser has already checked them).</summary>
    private static int Hex(ReadOnlySpan<byte> digits)
    {
        var value = 0;
        foreach (var d in digits) value = (value << 4) | (d <= '9' ? d - '0' : (d | 0x20) - 'a' + 10);
        return value;
    }

    /// <summary>True when the raw string text equals <paramref name="expected"/> (decoded UTF-8) once decoded.</summary>
    public static bool EqualsDecoded(ReadOnlySpan<byte> raw, ReadOnlySpan<byte> expected)
    {
        if (raw.IndexOf((byte)'\\') < 0) return raw.SequenceEqual(expected);
        char[]? rented = null;
        Span<char> chars = raw.Length <= StackChars ? stackalloc char[StackChars] : (rented = ArrayPool<char>.Shared.Rent(raw.Length));
        var length = Decode(raw, chars);
        var equal = Utf8Equals(chars[..length], expected);
        if (rented is not null) ArrayPool<char>.Shared.Return(rented);
        return equal;
    }

    /// <summary>True when the chars encode to exactly <paramref name="utf8"/>.</summary>
    public static bool Utf8Equals(ReadOnlySpan<char> chars, ReadOnlySpan<byte> utf8)
    {
        // Compared char by char through a small window: no allocation, and a mismatch stops early.
        Span<byte> window = stackalloc byte[8];
        var offset = 0;
        var i = 0;
        while (i < chars.Length)
        {
            var take = char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length ? 2 : 1;
            var status = Rune.DecodeFromUtf16(chars.Slice(i, take), out var rune, out var consumed);
            if (status != OperationStatus.Done) rune = Rune.ReplacementChar;
            // A lone surrogate cannot be in UTF-8 text: such a string never equals an expected value.
            if (status != OperationStatus.Done) return false;
            var bytes = rune.EncodeToUtf8(window);
            if (offset + bytes > utf8.Length || !window[..bytes].SequenceEqual(utf8.Slice(offset, bytes))) return false;
            offset += bytes;
            i += consumed;
        }
        return offset == utf8.Length;
    }
}
