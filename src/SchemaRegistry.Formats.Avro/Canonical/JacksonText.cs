using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;

namespace SchemaRegistry.Formats.Avro.Canonical;

/// <summary>
/// Writes JSON the way Java Avro's Jackson generator does, so canonical texts match Confluent's byte for byte:
/// compact, strings escaped only where JSON requires it (control characters as <c>\n</c> or <c>\u00XX</c>, non-ASCII
/// kept), integers as written, other numbers as Java's <c>Double.toString</c> prints them (<c>100.0</c>,
/// <c>1.0E-5</c>), non-finite doubles as strings (<c>"NaN"</c>).
/// </summary>
internal static class JacksonText
{
    private const string Hex = "0123456789ABCDEF";

    /// <summary>Appends a JSON string literal.</summary>
    public static StringBuilder String(StringBuilder builder, string value)
    {
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\b': builder.Append("\\b"); break;
                case '\t': builder.Append("\\t"); break;
                case '\n': builder.Append("\\n"); break;
                case '\f': builder.Append("\\f"); break;
                case '\r': builder.Append("\\r"); break;
                default:
                    if (c < ' ') builder.Append("\\u00").Append(Hex[c >> 4]).Append(Hex[c & 0xF]);
                    else builder.Append(c);
                    break;
            }
        }
        return builder.Append('"');
    }

    /// <summary>Appends a JSON value; with <paramref name="sortKeys"/> object members come out sorted by key.</summary>
    public static StringBuilder Value(StringBuilder builder, JsonElement value, bool sortKeys = false)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                builder.Append('{');
                var members = value.EnumerateObject().Select(p => (p.Name, p.Value));
                if (sortKeys) members = members.OrderBy(p => p.Name, StringComparer.Ordinal);
                var first = true;
                foreach (var (name, member) in members)
                {
                    if (!first) builder.Append(',');
                    first = false;
                    String(builder, name).Append(':');
                    Value(builder, member, sortKeys);
                }
                return builder.Append('}');
            case JsonValueKind.Array:
                builder.Append('[');
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    if (index++ > 0) builder.Append(',');
                    Value(builder, item, sortKeys);
                }
                return builder.Append(']');
            case JsonValueKind.String:
                return String(builder, value.GetString()!);
            case JsonValueKind.Number:
                return Number(builder, value);
            case JsonValueKind.True:
                return builder.Append("true");
            case JsonValueKind.False:
                return builder.Append("false");
            default:
                return builder.Append("null");
        }
    }

    /// <summary>A number as Jackson re-prints it: integers as integers, everything else as a Java double.</summary>
    public static StringBuilder Number(StringBuilder builder, JsonElement number)
    {
        var raw = number.GetRawText();
        if (raw.IndexOfAny(['.', 'e', 'E']) < 0)
            return builder.Append(BigInteger.Parse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
        return Double(builder, double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture));
    }

    /// <summary>A double as Java's <c>Double.toString</c> prints it; NaN and infinities as JSON strings.</summary>
    public static StringBuilder Double(StringBuilder builder, double value) =>
        double.IsFinite(value)
            ? builder.Append(JavaDecimal(value.ToString("R", CultureInfo.InvariantCulture), value == 0 && double.IsNegative(value)))
            : String(builder, double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");

    /// <summary>A float as Java's <c>Float.toString</c> prints it.</summary>
    public static StringBuilder Float(StringBuilder builder, float value) =>
        float.IsFinite(value)
            ? builder.Append(JavaDecimal(value.ToString("R", CultureInfo.InvariantCulture), value == 0 && float.IsNegative(value)))
            : String(builder, float.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");

    /// <summary>
    /// Re-spells .NET's shortest round-trip text (<c>1E+21</c>, <c>1.5E-07</c>, <c>100</c>) in Java's notation: plain
    /// with at least one fractional digit from 10^-3 up to 10^7, otherwise <c>d.dddE[-]n</c>.
    /// </summary>
    private static string JavaDecimal(string shortest, bool negativeZero)
    {
        var negative = shortest.StartsWith('-');
        var text = negative ? shortest[1..] : shortest;
        var exponent = 0;
        var e = text.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var integral = dot < 0 ? text : text[..dot];
        var digits = integral + (dot < 0 ? "" : text[(dot + 1)..]);
        var point = integral.Length + exponent; // the value is 0.<digits> * 10^point... shifted: digits[..point].digits[point..]
        var leading = 0;
        while (leading < digits.Length - 1 && digits[leading] == '0') leading++;
        digits = digits[leading..];
        point -= leading;
        digits = digits.TrimEnd('0');
        var sign = negative || negativeZero ? "-" : "";
        if (digits.Length == 0) return sign + "0.0";
        var scientific = point - 1;
        if (scientific is >= -3 and < 7)
        {
            if (point <= 0) return sign + "0." + new string('0', -point) + digits;
            if (point >= digits.Length) return sign + digits + new string('0', point - digits.Length) + ".0";
            return sign + digits[..point] + "." + digits[point..];
        }
        return sign + digits[0] + "." + (digits.Length > 1 ? digits[1..] : "0") + "E" + scientific.ToString(CultureInfo.InvariantCulture);
    }
}
