using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;
using SchemaRegistry.Formats.Protobuf.Model;

namespace SchemaRegistry.Formats.Protobuf.Validation;

/// <summary>
/// The proto3 JSON forms of scalar values: integers as numbers or decimal strings (integral, in range), floats also as
/// "NaN"/"Infinity"/"-Infinity", bools as true/false, bytes as standard or URL-safe base64. Each check returns null
/// when the value is acceptable, or the reason it is not (the reason strings are constants: no allocation).
/// </summary>
internal static class ScalarRules
{
    public static string? Check(FieldKind kind, JsonElement value) => kind switch
    {
        FieldKind.Int32 or FieldKind.SInt32 or FieldKind.SFixed32 => Integer(value, int.MinValue, int.MaxValue, "a 32-bit signed integer"),
        FieldKind.UInt32 or FieldKind.Fixed32 => Integer(value, 0, uint.MaxValue, "a 32-bit unsigned integer"),
        FieldKind.Int64 or FieldKind.SInt64 or FieldKind.SFixed64 => Integer(value, long.MinValue, long.MaxValue, "a 64-bit signed integer"),
        FieldKind.UInt64 or FieldKind.Fixed64 => UnsignedLong(value),
        FieldKind.Float => Real(value, isFloat: true),
        FieldKind.Double => Real(value, isFloat: false),
        FieldKind.Bool => value.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : "expected true or false",
        FieldKind.String => value.ValueKind != JsonValueKind.String ? "expected a string"
            : RawJson.TryGetUnescaped(value, out _) || RawJson.TryGetString(value, out _) ? null : "not a valid string (it escapes a lone surrogate)",
        FieldKind.Bytes => value.ValueKind != JsonValueKind.String ? "expected a base64 string"
            : RawJson.TryGetUtf8(value, out var base64) && IsBase64(base64) ? null : "not valid base64",
        _ => null,
    };

    /// <summary>Which keyword a failed scalar check reports: a JSON type problem or a value (range/format) problem.</summary>
    public static string Keyword(FieldKind kind, JsonElement value) => kind switch
    {
        FieldKind.Bool => "type",
        FieldKind.String => value.ValueKind == JsonValueKind.String ? "format" : "type",
        FieldKind.Bytes => value.ValueKind == JsonValueKind.String ? "format" : "type",
        _ => value.ValueKind is JsonValueKind.Number or JsonValueKind.String ? "range" : "type",
    };

    private static string? Integer(JsonElement value, long min, long max, string what)
    {
        if (value.ValueKind == JsonValueKind.Number)
        {
            if (value.TryGetInt64(out var n)) return n >= min && n <= max ? null : OutOfRange(what);
            return IntegralDecimal(value.GetRawText(), min, max, what);
        }
        if (value.ValueKind != JsonValueKind.String) return "expected an integer (a number or a decimal string)";
        if (!RawJson.TryGetUnescaped(value, out var text))
            return RawJson.TryGetString(value, out var decoded) ? IntegralDecimal(decoded, min, max, what) : "expected an integer (a number or a decimal string)";
        if (Utf8Parser.TryParse(text, out long parsed, out var consumed) && consumed == text.Length)
            return parsed >= min && parsed <= max ? null : OutOfRange(what);
        return IntegralDecimal(System.Text.Encoding.UTF8.GetString(text), min, max, what);
    }

    private static string? UnsignedLong(JsonElement value)
    {
        const string what = "a 64-bit unsigned integer";
        if (value.ValueKind == JsonValueKind.Number)
            return value.TryGetUInt64(out _) ? null : IntegralDecimal(value.GetRawText(), 0, null, what);
        if (value.ValueKind != JsonValueKind.String) return "expected an integer (a number or a decimal string)";
        if (RawJson.TryGetUnescaped(value, out var text) && Utf8Parser.TryParse(text, out ulong _, out var consumed) && consumed == text.Length)
            return null;
        return RawJson.TryGetString(value, out var decoded) ? IntegralDecimal(decoded, 0, null, what) : "expected an integer (a number or a decimal string)";
    }

    // The slow path: exponents and fractions ("1e3", "5.0") are fine when the value is integral.
    private static string? IntegralDecimal(string text, decimal min, decimal? max, string what)
    {
        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var number))
        {
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && double.IsFinite(real)
                ? OutOfRange(what)
                : "expected an integer (a number or a decimal string)";
        }
        if (number != decimal.Truncate(number)) return "expected an integer, not a fraction";
        return number < min || (max is { } upper ? number > upper : number > ulong.MaxValue) ? OutOfRange(what) : null;
    }

    private static string OutOfRange(string what) => what switch
    {
        "a 32-bit signed integer" => "out of range for a 32-bit signed integer",
        "a 32-bit unsigned integer" => "out of range for a 32-bit unsigned integer",
        "a 64-bit signed integer" => "out of range for a 64-bit signed integer",
        _ => "out of range for a 64-bit unsigned integer",
    };

    private static string? Real(JsonElement value, bool isFloat)
    {
        double number;
        if (value.ValueKind == JsonValueKind.Number)
        {
            number = value.GetDouble();
        }
        else if (value.ValueKind == JsonValueKind.String)
        {
            if (!RawJson.TryGetUtf8(value, out var text)) return "expected a number, or \"NaN\", \"Infinity\", \"-Infinity\"";
            if (text.SequenceEqual("NaN"u8) || text.SequenceEqual("Infinity"u8) || text.SequenceEqual("-Infinity"u8)) return null;
            // Only JSON number syntax: Utf8Parser would also take "nan" and "infinity".
            var digits = text.Length > 0 && text[0] == '-' ? text[1..] : text;
            if (digits.Length == 0 || digits[0] is < (byte)'0' or > (byte)'9' ||
                !Utf8Parser.TryParse(text, out number, out var consumed) || consumed != text.Length)
                return "expected a number, or \"NaN\", \"Infinity\", \"-Infinity\"";
        }
        else
        {
            return "expected a number";
        }
        if (double.IsInfinity(number)) return "out of range for a double";
        return isFloat && Math.Abs(number) > float.MaxValue ? "out of range for a float" : null;
    }

    /// <summary>Standard or URL-safe base64, padding optional.</summary>
    public static bool IsBase64(ReadOnlySpan<byte> text)
    {
        var length = text.Length;
        if (length > 0 && text[length - 1] == '=') length--;
        if (length > 0 && text[length - 1] == '=') length--;
        if (length % 4 == 1) return false;
        if (text.Length != length && text.Length % 4 != 0) return false;
        foreach (var c in text[..length])
        {
            if (!(c is >= (byte)'A' and <= (byte)'Z' || c is >= (byte)'a' and <= (byte)'z' || c is >= (byte)'0' and <= (byte)'9' || c is (byte)'+' or (byte)'/' or (byte)'-' or (byte)'_'))
                return false;
        }
        return true;
    }
}
