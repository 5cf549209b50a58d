using System.Numerics;

namespace SchemaRegistry.Formats.JsonSchema.Validation.Compiled;

/// <summary>
/// A JSON number read exactly from its text: sign, significant digits (no leading or trailing zeros) and a power of
/// ten, value = ± digits × 10^exponent. Comparisons and divisibility are exact at any size, as the library's
/// (<c>JsonMath</c>) are, without the double rounding that would make 0.3 not a multiple of 0.1. The digits are a
/// view of a caller-provided buffer: nothing is allocated.
/// </summary>
internal readonly ref struct DecimalNumber
{
    private DecimalNumber(bool negative, ReadOnlySpan<byte> digits, long exponent)
    {
        Negative = negative;
        Digits = digits;
        Exponent = exponent;
    }

    /// <summary>A number from its parts (as kept by <see cref="ParsedNumber"/>).</summary>
    public static DecimalNumber Of(bool negative, ReadOnlySpan<byte> digits, long exponent) => new(negative, digits, exponent);

    /// <summary>True below zero (zero is never negative).</summary>
    public bool Negative { get; }

    /// <summary>The significant digits, 0-9 values (not characters); empty for zero.</summary>
    public ReadOnlySpan<byte> Digits { get; }

    /// <summary>The power of ten applying to <see cref="Digits"/> read as an integer.</summary>
    public long Exponent { get; }

    /// <summary>True for zero.</summary>
    public bool IsZero => Digits.IsEmpty;

    /// <summary>Reads JSON number text into <paramref name="buffer"/> (at least <c>text.Length</c> long).</summary>
    public static DecimalNumber Parse(ReadOnlySpan<byte> text, Span<byte> buffer)
    {
        var i = 0;
        var negative = text[0] == (byte)'-';
        if (negative) i++;
        var count = 0;
        long exponent = 0;
        var seenPoint = false;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (c == (byte)'.')
            {
                seenPoint = true;
                continue;
            }
            if (c is (byte)'e' or (byte)'E') break;
            if (count == 0 && c == (byte)'0')
            {
                if (seenPoint) exponent--;
                continue;
            }
            buffer[count++] = (byte)(c - '0');
            if (seenPoint) exponent--;
        }
        if (i < text.Length)
        {
            i++;
            var negativeExponent = text[i] == (byte)'-';
            if (text[i] is (byte)'-' or (byte)'+') i++;
            long value = 0;
            for (; i < text.Length; i++)
            {
                // Saturates: an exponent beyond a billion says "astronomically large or small" either way.
                if (value < 1_000_000_000_000L) value = value * 10 + (text[i] - '0');
            }
            exponent += negativeExponent ? -value : value;
        }
        var digits = buffer[..count];
        var trailing = digits.Length - 1;
        while (trailing >= 0 && digits[trailing] == 0) trailing--;
        exponent += digits.Length - 1 - trailing;
        digits = digits[..(trailing + 1)];
        return new DecimalNumber(negative && !digits.IsEmpty, digits, exponent);
    }

    /// <summary>Compares two numbers exactly.</summary>
    public static int Compare(in DecimalNumber a, in DecimalNumber b)
    {
        if (a.IsZero || b.IsZero)
        {
            if (a.IsZero && b.IsZero) return 0;
            return a.IsZero ? (b.Negative ? 1 : -1) : (a.Negative ? -1 : 1);
        }
        if (a.Negative != b.Negative) return a.Negative ? -1 : 1;
        var sign = a.Negative ? -1 : 1;
        // The position of the most significant digit decides first, then the digits themselves.
        var magnitudeA = a.Digits.Length + a.Exponent;
        var magnitudeB = b.Digits.Length + b.Exponent;
        if (magnitudeA != magnitudeB) return magnitudeA > magnitudeB ? sign : -sign;
        var common = Math.Min(a.Digits.Length, b.Digits.Length);
        for (var i = 0; i < common; i++)
        {
            if (a.Digits[i] != b.Digits[i]) return a.Digits[i] > b.Digits[i] ? sign : -sign;
        }
        return a.Digits.Length == b.Digits.Length ? 0 : (a.Digits.Length > b.Digits.Length ? sign : -sign);
    }

    /// <summary>True when <paramref name="dividend"/> is an integer multiple of <paramref name="divisor"/> (signs ignored).</summary>
    public static bool Divides(in DecimalNumber dividend, in DecimalNumber divisor)
    {
        if (divisor.IsZero) return false;
        if (dividend.IsZero) return true;
        // dividend = A·10^a, divisor = B·10^b with A, B free of trailing zeros. If b > a the quotient needs A to end
        // in zeros, which it does not; otherwise the question is whether A·10^(a-b) mod B is 0.
        if (divisor.Exponent > dividend.Exponent) return false;
        var shift = dividend.Exponent - divisor.Exponent;
        if (divisor.Digits.Length <= 18)
        {
            ulong modulus = 0;
            foreach (var d in divisor.Digits) modulus = modulus * 10 + d;
            ulong remainder = 0;
            foreach (var d in dividend.Digits) remainder = (remainder * 10 + d) % modulus;
            if (remainder == 0) return true;
            return MultiplyMod(remainder, PowerOfTenMod(shift, modulus), modulus) == 0;
        }
        return DividesLarge(dividend, divisor, shift);
    }

    private static ulong PowerOfTenMod(long exponent, ulong modulus)
    {
        ulong result = 1 % modulus, basis = 10 % modulus;
        while (exponent > 0)
        {
            if ((exponent & 1) != 0) result = MultiplyMod(result, basis, modulus);
            basis = MultiplyMod(basis, basis, modulus);
            exponent >>= 1;
        }
        return result;
    }

    private static ulong MultiplyMod(ulong a, ulong b, ulong modulus) => (ulong)((UInt128)a * b % modulus);

    /// <summary>Divisors of more than 18 significant digits: rare enough to use (allocating) big integers.</summary>
    private static bool DividesLarge(in DecimalNumber dividend, in DecimalNumber divisor, long shift)
    {
        var modulus = ToBigInteger(divisor.Digits);
        var remainder = ToBigInteger(dividend.Digits) % modulus;
        return remainder.IsZero || remainder * BigInteger.ModPow(10, shift, modulus) % modulus == 0;
    }

    private static BigInteger ToBigInteger(ReadOnlySpan<byte> digits)
    {
        var value = BigInteger.Zero;
        foreach (var d in digits) value = value * 10 + d;
        return value;
    }
}

/// <summary>A schema's number (a bound, a divisor), parsed once at compile time.</summary>
internal sealed class ParsedNumber
{
    private readonly bool _negative;
    private readonly byte[] _digits;
    private readonly long _exponent;

    public ParsedNumber(ReadOnlySpan<byte> text)
    {
        var buffer = new byte[text.Length];
        var number = DecimalNumber.Parse(text, buffer);
        _negative = number.Negative;
        _digits = number.Digits.ToArray();
        _exponent = number.Exponent;
    }

    /// <summary>The number, for comparisons.</summary>
    public DecimalNumber Value => DecimalNumber.Of(_negative, _digits, _exponent);
}
