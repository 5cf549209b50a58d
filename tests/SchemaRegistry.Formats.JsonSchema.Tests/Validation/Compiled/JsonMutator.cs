using System.Text.Json.Nodes;

namespace SchemaRegistry.Formats.JsonSchema.Tests.Validation.Compiled;

/// <summary>
/// Random edits of a JSON document, in both directions: most break a constraint (a wrong type, a value out of range,
/// a malformed date or uuid, a missing or extra property, a duplicate item), some keep the document valid.
/// </summary>
public static class JsonMutator
{
    private static readonly JsonNode?[] Replacements =
    [
        null, true, false, 0, -1, 1, 2, 0.5, 1.5, 1e3, -0.0, 100000, "", "a", "A b", "2025-11-26T08:14:03Z", "2025-13-01T00:00:00Z",
        "3f1c2a9e-7b4d-4e8a-9c51-2d6f0b8e4a17", "3f1c2a9e7b4d4e8a9c512d6f0b8e4a17", "stop", "high", "doc_abcdefgh", "call_12345678",
        "x@y.com", "\u00e9\u0301", "\ud83d\udca9", "0123456789abcdef", new JsonArray(), new JsonObject(), new JsonArray(1, 2), new JsonObject { ["k"] = 1 },
    ];

    /// <summary>Applies <paramref name="count"/> random edits to <paramref name="json"/>.</summary>
    public static string Mutate(string json, int count, Random random)
    {
        var root = JsonNode.Parse(json);
        for (var i = 0; i < count; i++)
        {
            var sites = new List<JsonNode>();
            Collect(root, sites);
            if (sites.Count == 0) break;
            var site = sites[random.Next(sites.Count)];
            root = Edit(root, site, random);
        }
        return root?.ToJsonString() ?? "null";
    }

    private static void Collect(JsonNode? node, List<JsonNode> sites)
    {
        if (node is null) return;
        sites.Add(node);
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, value) in obj) Collect(value, sites);
                break;
            case JsonArray array:
                foreach (var item in array) Collect(item, sites);
                break;
        }
    }

    private static JsonNode? Edit(JsonNode? root, JsonNode site, Random random)
    {
        switch (random.Next(6))
        {
            case 0 when site is JsonObject obj && obj.Count > 0:
                obj.Remove(obj.ElementAt(random.Next(obj.Count)).Key);
                return root;
            case 1 when site is JsonObject obj:
                obj["extra_" + random.Next(3)] = Replacements[random.Next(Replacements.Length)]?.DeepClone();
                return root;
            case 2 when site is JsonArray array && array.Count > 0:
                if (random.Next(2) == 0) array.Add(array[random.Next(array.Count)]?.DeepClone());
                else array.RemoveAt(random.Next(array.Count));
                return root;
            case 3 when site is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.String:
                var text = value.GetValue<string>();
                var changed = random.Next(4) switch
                {
                    0 => text.ToUpperInvariant(),
                    1 => text + "!",
                    2 => text.Length > 1 ? text[..(text.Length / 2)] : "",
                    _ => text + "\n",
                };
                return Replace(root, site, changed);
            case 4 when site is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.Number:
                var number = double.Parse(value.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);
                return Replace(root, site, random.Next(3) switch { 0 => -number - 1, 1 => number * 1000 + 0.5, _ => Math.Round(number) });
            default:
                return Replace(root, site, Replacements[random.Next(Replacements.Length)]?.DeepClone());
        }
    }

    private static JsonNode? Replace(JsonNode? root, JsonNode site, JsonNode? replacement)
    {
        switch (site.Parent)
        {
            case JsonObject parent:
                parent[site.GetPropertyName()] = replacement;
                return root;
            case JsonArray parent:
                parent[site.GetElementIndex()] = replacement;
                return root;
            default:
                return replacement;
        }
    }
}
