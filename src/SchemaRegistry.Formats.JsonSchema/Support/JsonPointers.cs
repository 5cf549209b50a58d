using System.Globalization;
using System.Text;

namespace SchemaRegistry.Formats.JsonSchema.Support;

/// <summary>Builds and reads RFC 6901 JSON pointers ("" is the root).</summary>
internal static class JsonPointers
{
    /// <summary>Appends one reference token, escaping <c>~</c> and <c>/</c>.</summary>
    public static string Append(string pointer, string token) =>
        pointer + "/" + token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    /// <summary>Appends an array index.</summary>
    public static string Append(string pointer, int index) => pointer + "/" + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>Appends several tokens.</summary>
    public static string Append(string pointer, params ReadOnlySpan<string> tokens)
    {
        var builder = new StringBuilder(pointer);
        foreach (var token in tokens)
            builder.Append('/').Append(token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal));
        return builder.ToString();
    }

    /// <summary>Splits a pointer into unescaped tokens; false when the text is not a pointer.</summary>
    public static bool TryParse(string pointer, out IReadOnlyList<string> tokens)
    {
        tokens = [];
        if (pointer.Length == 0) return true;
        if (pointer[0] != '/') return false;
        tokens = [.. pointer[1..].Split('/').Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))];
        return true;
    }

    /// <summary>Finds the element a pointer designates inside <paramref name="root"/>.</summary>
    public static bool TryResolve(System.Text.Json.JsonElement root, string pointer, out System.Text.Json.JsonElement found)
    {
        found = root;
        if (!TryParse(pointer, out var tokens)) return false;
        foreach (var token in tokens)
        {
            switch (found.ValueKind)
            {
                case System.Text.Json.JsonValueKind.Object when found.TryGetProperty(token, out var child):
                    found = child;
                    break;
                case System.Text.Json.JsonValueKind.Array when int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < found.GetArrayLength():
                    found = found[index];
                    break;
                default:
                    return false;
            }
        }
        return true;
    }
}
