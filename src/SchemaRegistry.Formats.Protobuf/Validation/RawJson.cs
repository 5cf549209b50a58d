using System.Runtime.InteropServices;
using System.Text.Json;

namespace SchemaRegistry.Formats.Protobuf.Validation;

/// <summary>Allocation-free views of JSON strings and property names (escaped ones fall back to a decoded copy).</summary>
internal static class RawJson
{
    /// <summary>The UTF-8 content of a JSON string without its quotes; false when it holds escapes.</summary>
    public static bool TryGetUnescaped(JsonElement value, out ReadOnlySpan<byte> content)
    {
        var raw = JsonMarshal.GetRawUtf8Value(value);
        content = raw.Length >= 2 ? raw[1..^1] : raw;
        return content.IndexOf((byte)'\\') < 0;
    }

    /// <summary>The UTF-8 content of a JSON string, decoding escapes only when there are some.</summary>
    public static ReadOnlySpan<byte> Utf8(JsonElement value) =>
        TryGetUnescaped(value, out var content) ? content : System.Text.Encoding.UTF8.GetBytes(value.GetString() ?? "");

    /// <summary>The raw bytes of a property name; false when it holds escapes.</summary>
    public static bool TryGetName(JsonProperty property, out ReadOnlySpan<byte> name)
    {
        name = JsonMarshal.GetRawUtf8PropertyName(property);
        return name.IndexOf((byte)'\\') < 0;
    }
}
