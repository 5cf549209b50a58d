using System.Text.Json;
using System.Text.Json.Nodes;
using SchemaRegistry.Formats.JsonSchema.Drafts;
using SchemaRegistry.Formats.JsonSchema.Support;

namespace SchemaRegistry.Formats.JsonSchema.Parsing;

/// <summary>
/// Rewrites a document into the spelling JsonSchema.Net 8.0.5 understands, before it is built; only the library sees
/// the rewrite (canonical text, diff and error locations use the text as written).
/// <list type="bullet">
/// <item>Draft 4: the library stops at draft 6, which differs from draft 4 in two spellings: <c>id</c> becomes
/// <c>$id</c>, and the boolean <c>exclusiveMaximum</c>/<c>exclusiveMinimum</c> become the numeric forms (true: the
/// bound itself; false: dropped). Keywords draft 4 lacks (<c>const</c>, <c>contains</c>, <c>propertyNames</c>,
/// <c>examples</c>) are removed from the draft-04 dialect instead, so they stay inert.</item>
/// <item>Patterns: the library builds <c>patternProperties</c> regexes itself in places we cannot intercept, so
/// ECMA 262 long Unicode category names are rewritten in the document (see <see cref="EcmaRegex"/>).</item>
/// </list>
/// </summary>
internal static class LibraryInput
{
    /// <summary>The document in library spelling, or the same element when nothing needs rewriting.</summary>
    public static JsonElement Prepare(JsonElement root, JsonSchemaDraft draft, Uri baseUri)
    {
        var sites = new List<(string Pointer, JsonSchemaDraft Draft)>();
        SchemaWalker.Walk(root, draft, baseUri, site =>
        {
            if (site.Element.ValueKind == JsonValueKind.Object && NeedsRewrite(site.Element, site.Draft)) sites.Add((site.Pointer, site.Draft));
            return true;
        });
        if (sites.Count == 0) return root;

        var tree = JsonNode.Parse(root.GetRawText())!;
        // Deepest first: renaming a patternProperties key must not invalidate the pointers of sites below it.
        foreach (var (pointer, siteDraft) in sites.OrderByDescending(s => s.Pointer.Length))
        {
            if (Find(tree, pointer) is JsonObject schema) Rewrite(schema, siteDraft);
        }
        using var document = JsonDocument.Parse(tree.ToJsonString());
        return document.RootElement.Clone();
    }

    private static bool NeedsRewrite(JsonElement schema, JsonSchemaDraft draft)
    {
        if (draft == JsonSchemaDraft.Draft4
            && (schema.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                || schema.TryGetProperty("exclusiveMaximum", out var max) && max.ValueKind is JsonValueKind.True or JsonValueKind.False
                || schema.TryGetProperty("exclusiveMinimum", out var min) && min.ValueKind is JsonValueKind.True or JsonValueKind.False))
        {
            return true;
        }
        if (schema.TryGetProperty("pattern", out var pattern) && pattern.ValueKind == JsonValueKind.String
            && EcmaRegex.ToDotNet(pattern.GetString()!) != pattern.GetString())
        {
            return true;
        }
        return schema.TryGetProperty("patternProperties", out var map) && map.ValueKind == JsonValueKind.Object
            && map.EnumerateObject().Any(m => EcmaRegex.ToDotNet(m.Name) != m.Name);
    }

    private static void Rewrite(JsonObject schema, JsonSchemaDraft draft)
    {
        if (draft == JsonSchemaDraft.Draft4)
        {
            if (schema["id"] is JsonValue id && id.GetValueKind() == JsonValueKind.String && !schema.ContainsKey("$id"))
            {
                schema.Remove("id");
                schema["$id"] = id;
            }
            RewriteExclusive(schema, "exclusiveMaximum", "maximum");
            RewriteExclusive(schema, "exclusiveMinimum", "minimum");
        }
        if (schema["pattern"] is JsonValue pattern && pattern.GetValueKind() == JsonValueKind.String)
            schema["pattern"] = EcmaRegex.ToDotNet(pattern.GetValue<string>());
        if (schema["patternProperties"] is JsonObject map)
        {
            foreach (var (name, value) in map.ToList())
            {
                var rewritten = EcmaRegex.ToDotNet(name);
                if (rewritten == name) continue;
                map.Remove(name);
                map[rewritten] = value;
            }
        }
    }

    private static void RewriteExclusive(JsonObject schema, string exclusive, string bound)
    {
        if (schema[exclusive] is not JsonValue flag || flag.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False)) return;
        schema.Remove(exclusive);
        if (flag.GetValueKind() == JsonValueKind.True && schema[bound] is JsonNode value)
            schema[exclusive] = value.DeepClone();
    }

    private static JsonNode? Find(JsonNode root, string pointer)
    {
        if (!JsonPointers.TryParse(pointer, out var tokens)) return null;
        JsonNode? node = root;
        foreach (var token in tokens)
        {
            node = node switch
            {
                JsonObject obj => obj[token],
                JsonArray array when int.TryParse(token, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var i) && i < array.Count => array[i],
                _ => null,
            };
            if (node is null) return null;
        }
        return node;
    }
}
