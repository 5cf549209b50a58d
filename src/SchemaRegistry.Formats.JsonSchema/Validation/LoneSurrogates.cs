using System.Text.Json;
using SchemaRegistry.Formats.JsonSchema.Support;

namespace SchemaRegistry.Formats.JsonSchema.Validation;

/// <summary>Finds a string (or member name) that cannot be read as .NET text: an escaped unpaired surrogate.</summary>
internal static class LoneSurrogates
{
    /// <summary>The JSON pointer of the first such value, or null when the document has none.</summary>
    public static string? Find(JsonElement element, string path = "")
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return Readable(element) ? null : path;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (Find(item, JsonPointers.Append(path, index++)) is { } found) return found;
                }
                return null;
            case JsonValueKind.Object:
                foreach (var member in element.EnumerateObject())
                {
                    string name;
                    try
                    {
                        name = member.Name;
                    }
                    catch (InvalidOperationException)
                    {
                        return path;
                    }
                    if (Find(member.Value, JsonPointers.Append(path, name)) is { } found) return found;
                }
                return null;
            default:
                return null;
        }
    }

    private static bool Readable(JsonElement value)
    {
        try
        {
            _ = value.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
