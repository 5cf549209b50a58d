using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SchemaRegistry.Formats.JsonSchema.Canonical;

/// <summary>
/// Writes JSON compactly with one escaping rule (only <c>"</c>, <c>\</c> and control characters are escaped), so
/// texts that differ only in whitespace or in how a character was escaped get the same bytes. Numbers are copied as
/// written: <c>1.0</c> stays <c>1.0</c>, because rewriting them could change what a reader sees.
/// </summary>
internal static class CanonicalJson
{
    /// <summary>The compact text of <paramref name="value"/>, members in their written order.</summary>
    public static string Write(JsonElement value)
    {
        var builder = new StringBuilder();
        WriteValue(builder, value, sortKeys: false);
        return builder.ToString();
    }

    /// <summary>
    /// True when <paramref name="text"/> (valid JSON) is already its own <see cref="Write"/>: no whitespace between
    /// tokens and no escape anywhere. Strings are then written back character for character (the minimal escaping
    /// escapes only quotes, backslashes and controls, which unescaped JSON text cannot hold), numbers are kept as
    /// written, members in order. Compact schema texts, which clients usually send, skip the rewrite.
    /// </summary>
    public static bool IsCanonical(string text)
    {
        var inString = false;
        foreach (var c in text)
        {
            if (c == '\\') return false;
            if (c == '"') inString = !inString;
            else if (!inString && c is ' ' or '\t' or '\n' or '\r') return false;
        }
        return true;
    }

    /// <summary>The compact text with object members sorted ordinally, recursively (plain JSON, no schema knowledge).</summary>
    public static string WriteSorted(JsonElement value)
    {
        var builder = new StringBuilder();
        WriteValue(builder, value, sortKeys: true);
        return builder.ToString();
    }

    /// <summary>Writes any JSON value.</summary>
    public static void WriteValue(StringBuilder builder, JsonElement value, bool sortKeys)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                builder.Append('{');
                var first = true;
                foreach (var member in Members(value, sortKeys))
                {
                    if (!first) builder.Append(',');
                    first = false;
                    WriteString(builder, member.Name);
                    builder.Append(':');
                    WriteValue(builder, member.Value, sortKeys);
                }
                builder.Append('}');
                break;
            case JsonValueKind.Array:
                builder.Append('[');
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    if (index++ > 0) builder.Append(',');
                    WriteValue(builder, item, sortKeys);
                }
                builder.Append(']');
                break;
            case JsonValueKind.String:
                WriteStringElement(builder, value);
                break;
            default:
                // Numbers, true, false and null: their raw text is already minimal.
                builder.Append(value.GetRawText());
                break;
        }
    }

    /// <summary>The object's members, in written order or sorted ordinally by name.</summary>
    public static IEnumerable<JsonProperty> Members(JsonElement value, bool sorted) =>
        sorted ? value.EnumerateObject().OrderBy(m => m.Name, StringComparer.Ordinal) : value.EnumerateObject();

    /// <summary>Writes a string element; a string holding an unpaired surrogate escape is kept as written.</summary>
    public static void WriteStringElement(StringBuilder builder, JsonElement value)
    {
        string text;
        try
        {
            text = value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            builder.Append(value.GetRawText());
            return;
        }
        WriteString(builder, text);
    }

    /// <summary>Writes a JSON string literal with the minimal escaping.</summary>
    public static void WriteString(StringBuilder builder, string text)
    {
        builder.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < 0x20) builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else builder.Append(c);
                    break;
            }
        }
        builder.Append('"');
    }
}
