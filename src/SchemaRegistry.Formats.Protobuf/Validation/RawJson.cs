using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace SchemaRegistry.Formats.Protobuf.Validation;

/// <summary>
/// Allocation-free views of JSON strings and property names; escaped ones fall back to a decoded copy. JSON text may
/// escape a lone surrogate (<c>"\ud800"</c>), which System.Text.Json refuses to decode (it throws): every decoding
/// here reports that as "not a valid string" instead, so a hostile document is an invalid one, never an exception.
/// </summary>
internal static class RawJson
{
    /// <summary>The UTF-8 content of a JSON string without its quotes; false when it holds escapes.</summary>
    public static bool TryGetUnescaped(JsonElement value, out ReadOnlySpan<byte> content)
    {
        var raw = JsonMarshal.GetRawUtf8Value(value);
        content = raw.Length >= 2 ? raw[1..^1] : raw;
        return content.IndexOf((byte)'\\') < 0;
    }

    /// <summary>The UTF-8 content of a JSON string, decoding escapes only when there are some; false when it cannot be decoded.</summary>
    public static bool TryGetUtf8(JsonElement value, out ReadOnlySpan<byte> content)
    {
        if (TryGetUnescaped(value, out content)) return true;
        if (!TryGetString(value, out var text))
        {
            content = default;
            return false;
        }
        content = Encoding.UTF8.GetBytes(text);
        return true;
    }

    /// <summary>The decoded string; false when it holds an escaped lone surrogate.</summary>
    public static bool TryGetString(JsonElement value, out string text)
    {
        try
        {
            text = value.GetString() ?? "";
            return true;
        }
        catch (InvalidOperationException)
        {
            text = "";
            return false;
        }
    }

    /// <summary>The raw bytes of a property name; false when it holds escapes.</summary>
    public static bool TryGetName(JsonProperty property, out ReadOnlySpan<byte> name)
    {
        name = JsonMarshal.GetRawUtf8PropertyName(property);
        return name.IndexOf((byte)'\\') < 0;
    }

    /// <summary>The decoded property name, or its escaped text as written when it cannot be decoded.</summary>
    public static string Name(JsonProperty property)
    {
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException)
        {
            return Encoding.UTF8.GetString(JsonMarshal.GetRawUtf8PropertyName(property));
        }
    }
}
