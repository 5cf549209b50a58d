using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text.Unicode;

namespace SchemaRegistry.Formats.JsonSchema.Validation.Compiled.Streaming;

/// <summary>
/// A position in JSON text for the stream path, with the grammar's pieces (RFC 8259: no comments, no trailing
/// commas, whitespace is space, tab, CR and LF). It keeps no token state: the evaluator's call stack knows what it
/// expects next (schema-directed descent), which is why this costs about half of <c>Utf8JsonReader</c> per token.
/// It is never more lenient than <c>Utf8JsonReader</c>, and gives up where being exact would cost more than it saves
/// (invalid UTF-8 in a string, a lone surrogate escape, nesting beyond the limit): giving up is always safe, since the
/// document is then parsed and the element path decides (and a parser error says where the text broke).
/// </summary>
internal ref struct JsonCursor
{
    private readonly ReadOnlySpan<byte> _text;
    private readonly int _maxDepth;
    private int _depth;

    /// <summary>The offset of the next byte to read.</summary>
    public int Position;

    /// <summary>
    /// True when the last string <see cref="ReadString"/> read is plain: ASCII without escapes, so its raw text is its
    /// value, byte for byte and character for character (checks then skip their own scans for escapes).
    /// </summary>
    public bool LastStringPlain;

    /// <param name="text">The text; a value is read from its start.</param>
    /// <param name="maxDepth">How deep objects and arrays may nest (a top-level container is depth 1).</param>
    public JsonCursor(ReadOnlySpan<byte> text, int maxDepth)
    {
        _text = text;
        _maxDepth = maxDepth;
    }

    /// <summary>The whole text (values are compared by their offsets in it).</summary>
    public readonly ReadOnlySpan<byte> Text => _text;

    /// <summary>
    /// Moves past whitespace and answers the byte there: 0 at the end of the text or at a control character that is
    /// not whitespace (neither can go on a value).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public byte SkipWhitespace()
    {
        // Compact text has no whitespace between tokens: the byte at the position is the answer. Text written with
        // ", " and ": " (Python's json.dumps, many loggers) has one space: stepped over here too.
        var i = Position;
        if ((uint)i < (uint)_text.Length)
        {
            var b = _text[i];
            if (b > (byte)' ') return b;
            if (b == (byte)' ' && (uint)(i + 1) < (uint)_text.Length && _text[i + 1] > (byte)' ')
            {
                Position = i + 1;
                return _text[i + 1];
            }
        }
        return SkipWhitespaceRun();
    }

    private byte SkipWhitespaceRun()
    {
        var text = _text;
        var i = Position;
        while ((uint)i < (uint)text.Length)
        {
            var b = text[i];
            if (b > (byte)' ')
            {
                Position = i;
                return b;
            }
            if (b is not ((byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')) break;
            i++;
        }
        Position = i;
        return 0;
    }

    /// <summary>True when only whitespace is left.</summary>
    public bool AtEnd()
    {
        SkipWhitespace();
        return Position == _text.Length;
    }

    /// <summary>At <c>{</c> or <c>[</c>: steps in, false when that nests deeper than the limit.</summary>
    public bool Enter()
    {
        Position++;
        return ++_depth <= _maxDepth;
    }

    /// <summary>At <c>}</c> or <c>]</c>: steps out.</summary>
    public void Leave()
    {
        Position++;
        _depth--;
    }

    /// <summary>
    /// At <c>{</c> or <c>[</c>: steps in. True with <paramref name="next"/> the first member's first byte, or with
    /// <paramref name="next"/> 0 when the container is empty (and already left); false past the depth limit or at the
    /// end of the text.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Open(byte close, out byte next)
    {
        next = 0;
        if (!Enter()) return false;
        next = SkipWhitespace();
        return next == close ? Closed(out next) : next != 0;
    }

    /// <summary>
    /// After a member of a container: true with <paramref name="next"/> the next member's first byte (past the comma;
    /// the caller refuses a closing byte there), or with <paramref name="next"/> 0 at <paramref name="close"/> (the
    /// container left); false at anything else.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool NextMember(byte close, out byte next)
    {
        next = SkipWhitespace();
        if (next == close) return Closed(out next);
        if (next != (byte)',') return false;
        Position++;
        next = SkipWhitespace();
        return next != 0;
    }

    private bool Closed(out byte next)
    {
        Leave();
        next = 0;
        return true;
    }

    /// <summary>
    /// At a quote: reads the string. <paramref name="raw"/> is its text between the quotes as written (escapes not
    /// decoded, as <c>Utf8JsonReader.ValueSpan</c> gives it). False when the text is not a JSON string, or is one this
    /// cursor does not decide (invalid UTF-8, a lone surrogate escape).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool ReadString(out ReadOnlySpan<byte> raw)
    {
        // Most strings (every property name, most short values) are plain ASCII ending within the next sixteen
        // bytes: one vector load decides them here, inline; anything else takes the full scan.
        var start = Position + 1;
        if (Vector128.IsHardwareAccelerated && start + Vector128<byte>.Count <= _text.Length)
        {
            var block = Vector128.LoadUnsafe(ref MemoryMarshal.GetReference(_text), (nuint)start);
            var stops = Vector128.Equals(block, Vector128.Create((byte)'"')) | Vector128.Equals(block, Vector128.Create((byte)'\\'))
                | Vector128.LessThan(block.AsSByte(), Vector128.Create((sbyte)' ')).AsByte();
            var mask = stops.ExtractMostSignificantBits();
            if (mask != 0)
            {
                var at = BitOperations.TrailingZeroCount(mask);
                if (_text[start + at] == (byte)'"')
                {
                    raw = _text.Slice(start, at);
                    Position = start + at + 1;
                    LastStringPlain = true;
                    return true;
                }
            }
        }
        return ReadStringScan(out raw);
    }

    private bool ReadStringScan(out ReadOnlySpan<byte> raw)
    {
        var start = Position + 1;
        var rest = _text[start..];
        var ascii = true;
        var escaped = false;
        var i = 0;
        while (true)
        {
            var found = IndexOfStop(rest[i..], ascii);
            if (found < 0) break;
            i += found;
            var b = rest[i];
            if (b == (byte)'"')
            {
                raw = rest[..i];
                if (!ascii && !Utf8.IsValid(raw)) return false;
                Position = start + i + 1;
                LastStringPlain = ascii && !escaped;
                return true;
            }
            if (b == (byte)'\\')
            {
                var length = EscapeLength(rest[i..]);
                if (length == 0) break;
                i += length;
                escaped = true;
                continue;
            }
            if (b < 0x20) break;
            ascii = false; // beyond ASCII: validated with the whole string
        }
        raw = default;
        return false;
    }

    /// <summary>
    /// The index of the first byte that ends a string's plain run: a quote, a backslash, a control character, or (when
    /// <paramref name="ascii"/>) a byte beyond ASCII; -1 when none. Sixteen bytes at a time: as signed bytes, both
    /// the control characters and the bytes beyond ASCII are below 0x20, so one comparison finds them.
    /// </summary>
    private static int IndexOfStop(ReadOnlySpan<byte> text, bool ascii)
    {
        ref var start = ref MemoryMarshal.GetReference(text);
        var i = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            var quote = Vector128.Create((byte)'"');
            var backslash = Vector128.Create((byte)'\\');
            var space = Vector128.Create((byte)' ');
            for (; i + Vector128<byte>.Count <= text.Length; i += Vector128<byte>.Count)
            {
                var block = Vector128.LoadUnsafe(ref start, (nuint)i);
                var below = ascii ? Vector128.LessThan(block.AsSByte(), space.AsSByte()).AsByte() : Vector128.LessThan(block, space);
                var stops = Vector128.Equals(block, quote) | Vector128.Equals(block, backslash) | below;
                if (stops != Vector128<byte>.Zero) return i + BitOperations.TrailingZeroCount(stops.ExtractMostSignificantBits());
            }
        }
        for (; i < text.Length; i++)
        {
            var b = text[i];
            if (b is (byte)'"' or (byte)'\\' or < 0x20 || (ascii && b >= 0x80)) return i;
        }
        return -1;
    }

    /// <summary>
    /// The length of the escape at the start of <paramref name="text"/> (a backslash), or 0 when it is not one:
    /// <c>\" \\ \/ \b \f \n \r \t</c> or <c>\uXXXX</c>, where a surrogate must be a high one escaped right before a low
    /// one (a lone surrogate is left undecided).
    /// </summary>
    private static int EscapeLength(ReadOnlySpan<byte> text)
    {
        if (text.Length < 2) return 0;
        switch (text[1])
        {
            case (byte)'"' or (byte)'\\' or (byte)'/' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t':
                return 2;
            case (byte)'u':
                var unit = Hex4(text[2..]);
                if (unit < 0) return 0;
                if (unit is < 0xD800 or > 0xDFFF) return 6;
                if (unit >= 0xDC00 || text.Length < 12 || text[6] != (byte)'\\' || text[7] != (byte)'u') return 0;
                return Hex4(text[8..]) is >= 0xDC00 and <= 0xDFFF ? 12 : 0;
            default:
                return 0;
        }
    }

    /// <summary>The value of four hex digits at the start of <paramref name="text"/>, or -1.</summary>
    private static int Hex4(ReadOnlySpan<byte> text)
    {
        if (text.Length < 4) return -1;
        var value = 0;
        for (var i = 0; i < 4; i++)
        {
            var digit = HexDigit(text[i]);
            if (digit < 0) return -1;
            value = (value << 4) | digit;
        }
        return value;
    }

    private static int HexDigit(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };

    /// <summary>
    /// At <c>-</c> or a digit: reads a number by the JSON grammar (<c>-? (0 | [1-9][0-9]*) (.[0-9]+)? ([eE][+-]?[0-9]+)?</c>).
    /// What follows it is the caller's to check (a delimiter, as for every value).
    /// </summary>
    public bool ReadNumber(out ReadOnlySpan<byte> raw)
    {
        var text = _text;
        var start = Position;
        var i = start;
        if (text[i] == (byte)'-') i++;
        if ((uint)i >= (uint)text.Length) return Fail(out raw);
        if (text[i] == (byte)'0') i++;
        else if (IsDigit(text[i])) i = SkipDigits(text, i + 1);
        else return Fail(out raw);
        if ((uint)i < (uint)text.Length && text[i] == (byte)'.')
        {
            if (!((uint)++i < (uint)text.Length && IsDigit(text[i]))) return Fail(out raw);
            i = SkipDigits(text, i + 1);
        }
        if ((uint)i < (uint)text.Length && (text[i] | 0x20) == (byte)'e')
        {
            i++;
            if ((uint)i < (uint)text.Length && text[i] is (byte)'+' or (byte)'-') i++;
            if (!((uint)i < (uint)text.Length && IsDigit(text[i]))) return Fail(out raw);
            i = SkipDigits(text, i + 1);
        }
        raw = text[start..i];
        Position = i;
        return true;
    }

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;

    private static int SkipDigits(ReadOnlySpan<byte> text, int i)
    {
        while ((uint)i < (uint)text.Length && IsDigit(text[i])) i++;
        return i;
    }

    private static bool Fail(out ReadOnlySpan<byte> raw)
    {
        raw = default;
        return false;
    }

    /// <summary>At the literal's first byte: reads <c>true</c>, <c>false</c> or <c>null</c> as given.</summary>
    public bool ReadLiteral(ReadOnlySpan<byte> literal)
    {
        if (!_text[Position..].StartsWith(literal)) return false;
        Position += literal.Length;
        return true;
    }

    /// <summary>At a value's first byte: reads past the value, checking only that it is JSON.</summary>
    public bool SkipValue()
    {
        switch (_text[Position])
        {
            case (byte)'"':
                return ReadString(out _);
            case (byte)'{':
                return SkipObject();
            case (byte)'[':
                return SkipArray();
            case (byte)'t':
                return ReadLiteral("true"u8);
            case (byte)'f':
                return ReadLiteral("false"u8);
            case (byte)'n':
                return ReadLiteral("null"u8);
            default:
                return ReadNumber(out _);
        }
    }

    private bool SkipObject()
    {
        if (!Open((byte)'}', out var next)) return false;
        while (next != 0)
        {
            if (next != (byte)'"' || !ReadString(out _) || SkipWhitespace() != (byte)':') return false;
            Position++;
            if (SkipWhitespace() == 0 || !SkipValue() || !NextMember((byte)'}', out next)) return false;
        }
        return true;
    }

    private bool SkipArray()
    {
        if (!Open((byte)']', out var next)) return false;
        while (next != 0)
        {
            if (!SkipValue() || !NextMember((byte)']', out next)) return false;
        }
        return true;
    }
}
