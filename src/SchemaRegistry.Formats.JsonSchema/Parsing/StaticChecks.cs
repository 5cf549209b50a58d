using System.Text.Json;
using System.Text.RegularExpressions;
using SchemaRegistry.Formats.JsonSchema.Drafts;
using SchemaRegistry.Formats.JsonSchema.Support;

namespace SchemaRegistry.Formats.JsonSchema.Parsing;

/// <summary>Checks the meta-schema cannot express: duplicate member names and regular expressions that do not compile.</summary>
internal static class StaticChecks
{
    /// <summary>
    /// The first object member that appears twice, anywhere in the document. The JSON grammar allows it but readers
    /// disagree on which value wins, so a schema with one means different things to different validators.
    /// </summary>
    public static string? FindDuplicateKey(JsonElement element, string pointer = "")
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var names = new HashSet<string>(StringComparer.Ordinal);
                foreach (var member in element.EnumerateObject())
                {
                    if (!names.Add(member.Name)) return $"{Show(pointer)}: the member \"{member.Name}\" appears more than once.";
                    var found = FindDuplicateKey(member.Value, JsonPointers.Append(pointer, member.Name));
                    if (found is not null) return found;
                }
                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    var found = FindDuplicateKey(item, JsonPointers.Append(pointer, index++));
                    if (found is not null) return found;
                }
                return null;
            default:
                return null;
        }
    }

    /// <summary>The first <c>pattern</c> or <c>patternProperties</c> key that is not a valid ECMA 262 regular expression.</summary>
    public static string? FindInvalidRegex(JsonElement root, JsonSchemaDraft draft, Uri baseUri)
    {
        string? problem = null;
        SchemaWalker.Walk(root, draft, baseUri, site =>
        {
            if (problem is not null) return false;
            if (site.Element.ValueKind != JsonValueKind.Object) return true;
            if (site.Element.TryGetProperty("pattern", out var pattern) && pattern.ValueKind == JsonValueKind.String)
                problem = Check(pattern.GetString()!, JsonPointers.Append(site.Pointer, "pattern"));
            if (problem is null && site.Element.TryGetProperty("patternProperties", out var map) && map.ValueKind == JsonValueKind.Object)
            {
                foreach (var member in map.EnumerateObject())
                {
                    problem = Check(member.Name, JsonPointers.Append(site.Pointer, "patternProperties", member.Name));
                    if (problem is not null) break;
                }
            }
            return problem is null;
        });
        return problem;
    }

    private static string? Check(string pattern, string pointer)
    {
        try
        {
            // Construction only: parsing a pattern is linear, matching is where backtracking can explode.
            _ = EcmaRegex.Create(pattern, RegexOptions.None, Regex.InfiniteMatchTimeout);
            return null;
        }
        catch (ArgumentException e)
        {
            return $"{pointer}: \"{pattern}\" is not a valid regular expression ({e.Message}).";
        }
    }

    private static string Show(string pointer) => pointer.Length == 0 ? "(root)" : pointer;
}
