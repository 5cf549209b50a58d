namespace SchemaRegistry.Formats.JsonSchema.Validation.Compiled;

/// <summary>
/// An anchored pattern made only of ASCII character sets with counts (<c>^[a-z0-9][a-z0-9._-]{1,63}$</c>,
/// <c>^doc_[a-z0-9]{8}$</c>: the identifiers, slugs and codes most schemas constrain), matched on the string's UTF-8
/// text as the document holds it: no decoding to UTF-16, no regex runner. It answers only when it is certain, and
/// exactly as the regex would: a string holding an escape (which the text does not spell out) or longer than
/// <see cref="MaxBytes"/> is left to the regex. A character outside ASCII can never be matched by an ASCII set, and every
/// character must be matched (the pattern is anchored at both ends), so such a string is certainly refused.
/// </summary>
internal sealed class SimplePattern
{
    /// <summary>Longer strings are left to the regex (the matcher is quadratic in the worst case).</summary>
    public const int MaxBytes = 512;

    private readonly Item[] _items;

    // True when no item can ever need to give back a character to a later one (each item either has a fixed count or
    // matches no character any later item matches): one greedy pass then decides, with no backtracking.
    private readonly bool _greedyIsExact;

    private SimplePattern(Item[] items)
    {
        _items = items;
        _greedyIsExact = true;
        for (var i = 0; i < items.Length - 1; i++)
        {
            if (items[i].Min == items[i].Max) continue;
            for (var j = i + 1; j < items.Length; j++)
            {
                if ((items[i].Low & items[j].Low) != 0 || (items[i].High & items[j].High) != 0) _greedyIsExact = false;
            }
        }
    }

    /// <summary>One character set and how many times in a row it must match.</summary>
    private readonly record struct Item(ulong Low, ulong High, int Min, int Max)
    {
        public bool Contains(byte b) => b < 64 ? (Low & (1UL << b)) != 0 : b < 128 && (High & (1UL << (b - 64))) != 0;
    }

    /// <summary>The matcher of an ECMAScript pattern, or null when the pattern is outside the subset.</summary>
    public static SimplePattern? TryCreate(string pattern)
    {
        if (pattern.Length < 2 || pattern[0] != '^' || pattern[^1] != '$' || (pattern.Length >= 3 && pattern[^2] == '\\')) return null;
        var items = new List<Item>();
        var i = 1;
        var end = pattern.Length - 1;
        while (i < end)
        {
            ulong low = 0, high = 0;
            var c = pattern[i];
            if (c == '[')
            {
                if (!TryClass(pattern, ref i, end, ref low, ref high)) return null;
            }
            else if (c == '\\')
            {
                if (i + 1 >= end || !TryEscape(pattern[i + 1], ref low, ref high)) return null;
                i += 2;
            }
            else if (IsLiteral(c))
            {
                Add(c, ref low, ref high);
                i++;
            }
            else
            {
                return null;
            }
            if (!TryQuantifier(pattern, ref i, end, out var min, out var max)) return null;
            items.Add(new Item(low, high, min, max));
        }
        return new SimplePattern([.. items]);
    }

    /// <summary>
    /// True or false when certain; null when the regex must decide. <paramref name="unescaped"/>: the caller knows the
    /// text has no escapes, so it is not scanned for them.
    /// </summary>
    public bool? Matches(ReadOnlySpan<byte> raw, bool unescaped = false)
    {
        if (raw.Length > MaxBytes || (!unescaped && raw.IndexOf((byte)'\\') >= 0)) return null;
        return _greedyIsExact ? Greedy(raw) : Exhaustive(raw);
    }

    private bool Greedy(ReadOnlySpan<byte> raw)
    {
        var at = 0;
        foreach (var item in _items)
        {
            var count = 0;
            while (count < item.Max && at < raw.Length && item.Contains(raw[at]))
            {
                at++;
                count++;
            }
            if (count < item.Min) return false;
        }
        return at == raw.Length;
    }

    private bool Exhaustive(ReadOnlySpan<byte> raw)
    {
        // Positions of the text the items so far can end at.
        Span<bool> current = stackalloc bool[raw.Length + 1];
        Span<bool> next = stackalloc bool[raw.Length + 1];
        current.Clear();
        current[0] = true;
        foreach (var item in _items)
        {
            next.Clear();
            var any = false;
            for (var start = 0; start <= raw.Length; start++)
            {
                if (!current[start]) continue;
                var count = 0;
                var at = start;
                while (true)
                {
                    if (count >= item.Min)
                    {
                        next[at] = true;
                        any = true;
                    }
                    if (count == item.Max || at == raw.Length || !item.Contains(raw[at])) break;
                    at++;
                    count++;
                }
            }
            if (!any) return false;
            var swap = current;
            current = next;
            next = swap;
        }
        return current[raw.Length];
    }

    private static bool TryClass(string pattern, ref int i, int end, ref ulong low, ref ulong high)
    {
        var j = i + 1;
        if (j >= end || pattern[j] == '^' || pattern[j] == ']') return false;
        while (j < end && pattern[j] != ']')
        {
            var c = pattern[j];
            if (c == '\\')
            {
                if (j + 1 >= end || !TryEscape(pattern[j + 1], ref low, ref high, inClass: true)) return false;
                j += 2;
                continue;
            }
            if (c == '[' || !IsPrintableAscii(c)) return false;
            // A range a-z; a '-' first or last is itself.
            if (j + 2 < end && pattern[j + 1] == '-' && pattern[j + 2] != ']')
            {
                var last = pattern[j + 2];
                if (last == '\\' || last == '[' || !IsPrintableAscii(last) || last < c) return false;
                for (var x = c; x <= last; x++) Add(x, ref low, ref high);
                j += 3;
                continue;
            }
            Add(c, ref low, ref high);
            j++;
        }
        if (j >= end) return false;
        i = j + 1;
        return true;
    }

    private static bool TryEscape(char c, ref ulong low, ref ulong high, bool inClass = false)
    {
        switch (c)
        {
            case 'd':
                for (var x = '0'; x <= '9'; x++) Add(x, ref low, ref high);
                return true;
            case 'w':
                for (var x = '0'; x <= '9'; x++) Add(x, ref low, ref high);
                for (var x = 'a'; x <= 'z'; x++) Add(x, ref low, ref high);
                for (var x = 'A'; x <= 'Z'; x++) Add(x, ref low, ref high);
                Add('_', ref low, ref high);
                return true;
            default:
                // An escaped punctuation character is itself (\. \- \/ ...); letters and digits are classes,
                // back-references or controls, left to the regex.
                if (!IsPrintableAscii(c) || char.IsAsciiLetterOrDigit(c) || c == ' ' || (inClass && c == 'b')) return false;
                Add(c, ref low, ref high);
                return true;
        }
    }

    private static bool TryQuantifier(string pattern, ref int i, int end, out int min, out int max)
    {
        (min, max) = (1, 1);
        if (i >= end) return true;
        switch (pattern[i])
        {
            case '?': (min, max) = (0, 1); i++; break;
            case '*': (min, max) = (0, int.MaxValue); i++; break;
            case '+': (min, max) = (1, int.MaxValue); i++; break;
            case '{':
                var close = pattern.IndexOf('}', i);
                if (close < 0 || close >= end) return false;
                var body = pattern.AsSpan(i + 1, close - i - 1);
                var comma = body.IndexOf(',');
                if (comma < 0)
                {
                    if (!TryCount(body, out min)) return false;
                    max = min;
                }
                else
                {
                    if (!TryCount(body[..comma], out min)) return false;
                    if (comma == body.Length - 1) max = int.MaxValue;
                    else if (!TryCount(body[(comma + 1)..], out max) || max < min) return false;
                }
                i = close + 1;
                break;
            default:
                return true;
        }
        // A lazy or possessive suffix, or a quantifier on a quantifier, is left to the regex.
        return i >= end || pattern[i] is not ('?' or '*' or '+' or '{');
    }

    private static bool TryCount(ReadOnlySpan<char> digits, out int value)
    {
        value = 0;
        if (digits.Length is 0 or > 6) return false;
        foreach (var d in digits)
        {
            if (!char.IsAsciiDigit(d)) return false;
            value = value * 10 + (d - '0');
        }
        return true;
    }

    private static bool IsLiteral(char c) => IsPrintableAscii(c) && "^$.|?*+()[]{}\\/".IndexOf(c) < 0;

    private static bool IsPrintableAscii(char c) => c is >= ' ' and <= '~';

    private static void Add(char c, ref ulong low, ref ulong high)
    {
        if (c < 64) low |= 1UL << c;
        else high |= 1UL << (c - 64);
    }
}
