using System.Globalization;

namespace SchemaRegistry.Formats.JsonSchema.Validation.Compiled;

/// <summary>
/// <c>date-time</c>, <c>date</c> and <c>time</c> as JsonSchema.Net 8.0.5 checks them, over characters instead of
/// strings. The rules are the library's, including its leniencies (a space or '_' between date and time, a final
/// newline accepted by its regex's <c>$</c>, only the first fraction checked in <c>time</c>).
/// </summary>
internal static class DateTimeFormat
{
    /// <summary>The library's <c>date</c>: <c>DateTime.TryParseExact(upper, "yyyy-MM-dd")</c>.</summary>
    public static bool IsDate(ReadOnlySpan<char> value)
    {
        Span<char> upper = value.Length <= 64 ? stackalloc char[64] : new char[value.Length];
        var written = value.ToUpperInvariant(upper);
        return DateTime.TryParseExact(upper[..written], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
    }

    /// <summary>
    /// The library's <c>date-time</c>: <c>^(\d{4}-\d{2}-\d{2})([Tt_ ])(\d{2}:\d{2}:\d{2}(\.\d+)?)([Zz]|[+-]\d{2}:\d{2})$</c>,
    /// then calendar, clock and leap-second checks.
    /// </summary>
    public static bool IsDateTime(ReadOnlySpan<char> value)
    {
        // The regex's '$' also matches before one final '\n'.
        if (!value.IsEmpty && value[^1] == '\n') value = value[..^1];
        if (value.Length < 20) return false;
        if (!Digits(value[..4]) || value[4] != '-' || !Digits(value.Slice(5, 2)) || value[7] != '-' || !Digits(value.Slice(8, 2))) return false;
        if (value[10] is not ('T' or 't' or '_' or ' ')) return false;
        var clock = value[11..];
        if (!Digits(clock[..2]) || clock[2] != ':' || !Digits(clock.Slice(3, 2)) || clock[5] != ':' || !Digits(clock.Slice(6, 2))) return false;
        var rest = clock[8..];
        if (!rest.IsEmpty && rest[0] == '.')
        {
            var fraction = 1;
            while (fraction < rest.Length && char.IsAsciiDigit(rest[fraction])) fraction++;
            if (fraction == 1) return false;
            rest = rest[fraction..];
        }
        int offsetHour = 0, offsetMinute = 0;
        var sign = '\0';
        if (rest.Length == 1 && rest[0] is 'Z' or 'z')
        {
        }
        else if (rest.Length == 6 && rest[0] is '+' or '-' && Digits(rest.Slice(1, 2)) && rest[3] == ':' && Digits(rest.Slice(4, 2)))
        {
            sign = rest[0];
            offsetHour = Number(rest.Slice(1, 2));
            offsetMinute = Number(rest.Slice(4, 2));
        }
        else
        {
            return false;
        }
        var year = Number(value[..4]);
        var month = Number(value.Slice(5, 2));
        var day = Number(value.Slice(8, 2));
        // Year 0 makes the library's DateTime.DaysInMonth throw; it is no date either way.
        if (month is < 1 or > 12 || year < 1 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        return ClockHolds(Number(clock[..2]), Number(clock.Slice(3, 2)), Number(clock.Slice(6, 2)), sign, offsetHour, offsetMinute);
    }

    /// <summary>The library's <c>time</c>: HH:MM:SS[.fraction] then Z or a ±HH:MM offset, split the way it splits.</summary>
    public static bool IsTime(ReadOnlySpan<char> value)
    {
        var endsWithZ = !value.IsEmpty && value[^1] is 'Z' or 'z';
        if (!endsWithZ && !value.Contains('+') && !value.Contains('-')) return false;
        ReadOnlySpan<char> clockText, offset;
        if (endsWithZ)
        {
            clockText = value[..^1];
            offset = value[^1..];
        }
        else
        {
            var at = Math.Max(value.LastIndexOf('+'), value.LastIndexOf('-'));
            if (at <= 0) return false;
            clockText = value[..at];
            offset = value[at..];
        }
        // text.Split('.'): the part before the first dot, and (only) the part between the first and second dots.
        var dot = clockText.IndexOf('.');
        var main = dot < 0 ? clockText : clockText[..dot];
        if (main.Length != 8 || main[2] != ':' || main[5] != ':' || main[..8].Count(':') != 2) return false;
        if (!Digits(main[..2]) || !Digits(main.Slice(3, 2)) || !Digits(main.Slice(6, 2))) return false;
        if (dot >= 0)
        {
            var fraction = clockText[(dot + 1)..];
            var next = fraction.IndexOf('.');
            if (next >= 0) fraction = fraction[..next];
            if (fraction.IsEmpty || !Digits(fraction)) return false;
        }
        var sign = '\0';
        int offsetHour = 0, offsetMinute = 0;
        if (!(offset is "Z" or "z"))
        {
            sign = offset[0];
            if (sign is not ('+' or '-')) return false;
            var parts = offset[1..];
            if (parts.Length != 5 || parts[2] != ':' || !Digits(parts[..2]) || !Digits(parts.Slice(3, 2))) return false;
            offsetHour = Number(parts[..2]);
            offsetMinute = Number(parts.Slice(3, 2));
        }
        return ClockHolds(Number(main[..2]), Number(main.Slice(3, 2)), Number(main.Slice(6, 2)), sign, offsetHour, offsetMinute);
    }

    /// <summary>Hours, minutes, seconds and offset in range; a leap second (:60) only at 23:59 UTC.</summary>
    private static bool ClockHolds(int hour, int minute, int second, char sign, int offsetHour, int offsetMinute)
    {
        if (hour > 23 || minute > 59) return false;
        var leap = second == 60;
        if (!leap && second > 59) return false;
        if (sign == '\0') return !leap || hour == 23 && minute == 59;
        if (offsetHour > 23 || offsetMinute > 59) return false;
        if (!leap) return true;
        int utcHour = hour, utcMinute = minute;
        if (sign == '+')
        {
            utcHour -= offsetHour;
            utcMinute -= offsetMinute;
        }
        else
        {
            utcHour += offsetHour;
            utcMinute += offsetMinute;
        }
        if (utcMinute < 0)
        {
            utcMinute += 60;
            utcHour--;
        }
        else if (utcMinute >= 60)
        {
            utcMinute -= 60;
            utcHour++;
        }
        utcHour %= 24;
        if (utcHour < 0) utcHour += 24;
        return utcHour == 23 && utcMinute == 59;
    }

    private static bool Digits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c)) return false;
        }
        return true;
    }

    private static int Number(ReadOnlySpan<char> digits)
    {
        var value = 0;
        foreach (var c in digits) value = value * 10 + (c - '0');
        return value;
    }
}
