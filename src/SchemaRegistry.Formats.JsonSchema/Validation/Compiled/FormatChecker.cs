using System.Globalization;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text.Json;
using Json.Schema;

namespace SchemaRegistry.Formats.JsonSchema.Validation.Compiled;

/// <summary>
/// Asserts one <c>format</c> with exactly the verdicts of JsonSchema.Net 8.0.5 (the library path), quirks included,
/// so the two engines never disagree. The formats seen in real payloads (<c>date-time</c>, <c>date</c>, <c>time</c>,
/// <c>uuid</c>, <c>ipv4</c>, <c>hostname</c>) are re-implemented over characters without allocating; the rest
/// (URIs, e-mail, IDN, IPv6, durations, pointers, regexes) call the library's own check, which needs a string.
/// </summary>
internal abstract class FormatChecker
{
    private FormatChecker(string name) => Name = name;

    /// <summary>The format's name.</summary>
    public string Name { get; }

    /// <summary>True when the check needs the value as an element (delegated to the library).</summary>
    public virtual bool NeedsElement => false;

    /// <summary>Checks the decoded string.</summary>
    public virtual bool Check(ReadOnlySpan<char> value) => true;

    /// <summary>
    /// True when the string's text as the document holds it (escapes not decoded) certainly passes <see cref="Check"/>;
    /// false means "decode and check".
    /// </summary>
    public virtual bool ProvesRaw(ReadOnlySpan<byte> raw) => false;

    /// <summary>Checks a value through the library.</summary>
    public virtual bool CheckElement(JsonElement value) => true;

    /// <summary>The checker of a format the library asserts; null for formats it does not know (never refused).</summary>
    public static FormatChecker? For(string name) => name switch
    {
        "date-time" => new Predicate(name, DateTimeFormat.IsDateTime),
        "date" => new Predicate(name, DateTimeFormat.IsDate),
        "time" => new Predicate(name, DateTimeFormat.IsTime),
        "uuid" => new Uuid(name),
        "ipv4" => new Predicate(name, IsIpv4),
        "hostname" => new Predicate(name, IsHostname),
        _ => FormatRegistry.Global.Get(name) is { } format and not UnknownFormat ? new Library(name, format) : null,
    };

    private sealed class Predicate(string name, Predicate.Test test) : FormatChecker(name)
    {
        public delegate bool Test(ReadOnlySpan<char> value);

        public override bool Check(ReadOnlySpan<char> value) => test(value);
    }

    /// <summary><c>uuid</c>: what <c>Guid.TryParseExact(value, "D")</c> accepts; the plain 8-4-4-4-12 hex form is proven on the raw text.</summary>
    private sealed class Uuid(string name) : FormatChecker(name)
    {
        public override bool Check(ReadOnlySpan<char> value) => Guid.TryParseExact(value, "D", out _);

        private const ulong DashBits = (1UL << 8) | (1UL << 13) | (1UL << 18) | (1UL << 23);
        private const ulong HexBits = ((1UL << 36) - 1) & ~DashBits;

        public override bool ProvesRaw(ReadOnlySpan<byte> raw)
        {
            if (raw.Length != 36 || raw[8] != '-' || raw[13] != '-' || raw[18] != '-' || raw[23] != '-') return false;
            if (Vector128.IsHardwareAccelerated)
            {
                // A bit per hex digit over bytes 0-15, 16-31 and 20-35 (the last two overlap, with equal bits).
                ref var start = ref MemoryMarshal.GetReference(raw);
                var hex = HexDigits(Vector128.LoadUnsafe(ref start)) | (HexDigits(Vector128.LoadUnsafe(ref start, 16)) << 16) | (HexDigits(Vector128.LoadUnsafe(ref start, 20)) << 20);
                return hex == HexBits;
            }
            for (var i = 0; i < 36; i++)
            {
                if ((HexBits & (1UL << i)) != 0 && !char.IsAsciiHexDigit((char)raw[i])) return false;
            }
            return true;
        }

        private static ulong HexDigits(Vector128<byte> block)
        {
            var digit = Vector128.LessThan(block - Vector128.Create((byte)'0'), Vector128.Create((byte)10));
            var letter = Vector128.LessThan((block | Vector128.Create((byte)0x20)) - Vector128.Create((byte)'a'), Vector128.Create((byte)6));
            return (digit | letter).ExtractMostSignificantBits();
        }
    }

    private sealed class Library(string name, Format format) : FormatChecker(name)
    {
        public override bool NeedsElement => true;

        public override bool CheckElement(JsonElement value) => format.Validate(value, out _);
    }

    /// <summary>Four dot-separated decimal octets, no leading zeros (the library's rule).</summary>
    private static bool IsIpv4(ReadOnlySpan<char> value)
    {
        var parts = 0;
        foreach (var range in value.Split('.'))
        {
            var part = value[range];
            if (++parts > 4 || part.Length is 0 or > 3) return false;
            foreach (var c in part)
            {
                if (c is < '0' or > '9') return false;
            }
            if (part.Length > 1 && part[0] == '0') return false;
            if (int.Parse(part, NumberStyles.None, CultureInfo.InvariantCulture) > 255) return false;
        }
        return parts == 4;
    }

    /// <summary>
    /// The library's hostname rule: at most 255 chars, no '_', labels of letters, digits and inner hyphens, none longer
    /// than 63 or with "--" at positions 3-4. Its regex ends in <c>$</c>, which also matches before a final newline;
    /// that quirk is kept (the labels are then measured with the newline).
    /// </summary>
    private static bool IsHostname(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty || value.Length > 255 || value.Contains('_')) return false;
        if (value[0] == '.' || value[^1] == '.') return false;
        var matched = value[^1] == '\n' ? value[..^1] : value;
        foreach (var range in matched.Split('.'))
        {
            var label = matched[range];
            if (label.Length is 0 or > 63 || !char.IsAsciiLetterOrDigit(label[0]) || !char.IsAsciiLetterOrDigit(label[^1])) return false;
            foreach (var c in label)
            {
                if (!char.IsAsciiLetterOrDigit(c) && c != '-') return false;
            }
        }
        foreach (var range in value.Split('.'))
        {
            var label = value[range];
            if (label.Length > 63) return false;
            if (label.Length >= 4 && label[2] == '-' && label[3] == '-') return false;
        }
        return true;
    }
}
