using System.Globalization;
using System.Text.Json;

namespace SchemaRegistry.Formats.JsonSchema.Model;

/// <summary>
/// Exact arithmetic on JSON numbers where it matters (bounds, <c>multipleOf</c>): decimal when the number fits,
/// double otherwise (a bound like 1e400 is compared, never divided).
/// </summary>
internal readonly record struct Number(decimal? Exact, double Approximate) : IComparable<Number>
{
    /// <summary>Reads a JSON number element.</summary>
    public static Number Of(JsonElement value)
    {
        var text = value.GetRawText();
        decimal? exact = decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
        var approximate = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) ? x : double.NaN;
        return new Number(exact, approximate);
    }

    /// <summary>A number from a decimal.</summary>
    public static Number Of(decimal value) => new(value, (double)value);

    /// <inheritdoc />
    public int CompareTo(Number other) =>
        Exact is { } a && other.Exact is { } b ? a.CompareTo(b) : Approximate.CompareTo(other.Approximate);

    public static bool operator <(Number left, Number right) => left.CompareTo(right) < 0;

    public static bool operator >(Number left, Number right) => left.CompareTo(right) > 0;

    public static bool operator <=(Number left, Number right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Number left, Number right) => left.CompareTo(right) >= 0;

    /// <summary>True when this is an exact multiple of <paramref name="divisor"/> (false when it cannot be decided).</summary>
    public bool IsMultipleOf(Number divisor)
    {
        if (Exact is not { } a || divisor.Exact is not { } b || b == 0) return false;
        try
        {
            return a % b == 0;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public override string ToString() => Exact?.ToString(CultureInfo.InvariantCulture) ?? Approximate.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>Helpers over JSON number elements.</summary>
internal static class Numbers
{
    /// <summary>True for a number with no fractional part (1.0 included, as drafts 6 on define integers).</summary>
    public static bool IsIntegral(JsonElement value)
    {
        var number = Number.Of(value);
        return number.Exact is { } exact ? decimal.Truncate(exact) == exact : Math.Floor(number.Approximate) == number.Approximate;
    }
}
