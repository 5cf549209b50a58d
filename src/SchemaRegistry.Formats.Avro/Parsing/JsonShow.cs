using System.Text.Json;

namespace SchemaRegistry.Formats.Avro.Parsing;

/// <summary>Short renderings of JSON values for messages.</summary>
internal static class JsonShow
{
    private const int MaxChars = 120;

    /// <summary>The value as compact JSON, cut after a reasonable length.</summary>
    public static string Of(JsonElement value)
    {
        var text = value.ValueKind is JsonValueKind.Object or JsonValueKind.Array
            ? JsonSerializer.Serialize(value)
            : value.GetRawText();
        return text.Length <= MaxChars ? text : text[..MaxChars] + "...";
    }

    /// <summary>True when a JSON number is written as an integer (no fraction, no exponent), as Jackson reads integers.</summary>
    public static bool IsIntegerLiteral(JsonElement number)
    {
        if (number.ValueKind != JsonValueKind.Number) return false;
        var raw = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(number);
        return raw.IndexOfAny("."u8[0], (byte)'e', (byte)'E') < 0;
    }
}
