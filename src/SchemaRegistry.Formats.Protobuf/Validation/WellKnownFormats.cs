namespace SchemaRegistry.Formats.Protobuf.Validation;

/// <summary>
/// The string forms of Timestamp (RFC 3339, 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z), Duration
/// (<c>-?seconds[.fraction]s</c>, at most 315,576,000,000 seconds) and FieldMask (comma-separated lowerCamel paths),
/// checked on the UTF-8 bytes without allocating.
/// </summary>
internal static class WellKnownFormats
{
    private const long MaxDurationSeconds = 315_576_000_000;

    public static bool IsTimestamp(ReadOnlySpan<byte> s)
    {
        // YYYY-MM-DDTHH:MM:SS[.f{1,9}](Z|+HH:MM|-HH:MM)
        if (s.Length < 20) return false;
        if (!Digits(s[..4], out var year) || s[4] != '-' || !Digits(s.Slice(5, 2), out var month) || s[7] != '-' ||
            !Digits(s.Slice(8, 2), out var day) || (s[10] is not ((byte)'T' or (byte)'t')) || !Digits(s.Slice(11, 2), out var hour) ||
            s[13] != ':' || !Digits(s.Slice(14, 2), out var minute) || s[16] != ':' || !Digits(s.Slice(17, 2), out var second))
            return false;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
            return false;
        var rest = s[19..];
        if (rest.Length > 0 && rest[0] == '.')
        {
            var digits = 0;
            rest = rest[1..];
            while (digits < rest.Length && rest[digits] is >= (byte)'0' and <= (byte)'9') digits++;
            if (digits is 0 or > 9) return false;
            rest = rest[digits..];
        }
        var offsetMinutes = 0;
        if (rest.Length == 1 && rest[0] is (byte)'Z' or (byte)'z')
        {
            offsetMinutes = 0;
        }
        else if (rest.Length == 6 && rest[0] is (byte)'+' or (byte)'-' && rest[3] == ':' && Digits(rest.Slice(1, 2), out var oh) && Digits(rest.Slice(4, 2), out var om) && oh <= 23 && om <= 59)
        {
            offsetMinutes = (oh * 60 + om) * (rest[0] == '-' ? -1 : 1);
        }
        else
        {
            return false;
        }
        // The instant, in UTC, must stay within years 1 to 9999.
        var minutes = (new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Utc) - DateTime.MinValue).TotalMinutes - offsetMinutes;
        return minutes >= 0 && minutes < (DateTime.MaxValue - DateTime.MinValue).TotalMinutes;
    }

    public static bool IsDuration(ReadOnlySpan<byte> s)
    {
        if (s.Length < 2 || s[^1] != 's') return false;
        s = s[..^1];
        if (s[0] == '-') s = s[1..];
        var dot = s.IndexOf((byte)'.');
        var whole = dot < 0 ? s : s[..dot];
        if (whole.Length is 0 or > 12 || !LongDigits(whole, out var seconds) || seconds > MaxDurationSeconds) return false;
        if (dot < 0) return true;
        var fraction = s[(dot + 1)..];
        return fraction.Length is >= 1 and <= 9 && LongDigits(fraction, out _) && (seconds < MaxDurationSeconds || fraction.IndexOfAnyExcept((byte)'0') < 0);
    }

    public static bool IsFieldMask(ReadOnlySpan<byte> s)
    {
        if (s.Length == 0) return true;
        foreach (var range in s.Split((byte)','))
        {
            var path = s[range];
            if (path.Length == 0) return false;
            foreach (var segmentRange in path.Split((byte)'.'))
            {
                var segment = path[segmentRange];
                if (segment.Length == 0) return false;
                foreach (var c in segment)
                {
                    if (!(c is >= (byte)'a' and <= (byte)'z' || c is >= (byte)'A' and <= (byte)'Z' || c is >= (byte)'0' and <= (byte)'9')) return false;
                }
            }
        }
        return true;
    }

    private static bool Digits(ReadOnlySpan<byte> s, out int value)
    {
        var ok = LongDigits(s, out var wide);
        value = (int)wide;
        return ok;
    }

    private static bool LongDigits(ReadOnlySpan<byte> s, out long value)
    {
        value = 0;
        if (s.Length == 0) return false;
        foreach (var c in s)
        {
            if (c is < (byte)'0' or > (byte)'9') return false;
            value = value * 10 + (c - '0');
        }
        return true;
    }
}
