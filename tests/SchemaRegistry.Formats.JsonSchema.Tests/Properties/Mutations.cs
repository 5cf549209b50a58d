using System.Text.Json.Nodes;

namespace SchemaRegistry.Formats.JsonSchema.Tests.Properties;

/// <summary>Edits applied by <see cref="SchemaGenerators.Mutated"/>: small steps in both directions (relax, restrict).</summary>
public static class Mutations
{
    private static readonly string[] SchemaKeywords = ["additionalProperties", "items", "contains", "not", "if", "then", "else", "propertyNames"];
    private static readonly string[] SchemaArrays = ["anyOf", "oneOf", "allOf", "prefixItems"];
    private static readonly string[] SchemaMaps = ["properties", "patternProperties", "dependentSchemas", "$defs"];
    private static readonly string[] AllTypes = ["string", "integer", "number", "object", "array", "boolean", "null"];

    /// <summary>Applies <paramref name="count"/> random edits.</summary>
    public static string Apply(string schema, int count, Random random, IReadOnlyList<(string Name, JsonNode Value)> additions)
    {
        var root = JsonNode.Parse(schema)!;
        for (var i = 0; i < count; i++)
        {
            var sites = new List<(JsonNode Node, Action<JsonNode> Replace)>();
            Collect(root, replacement => root = replacement, sites);
            var (site, replace) = sites[random.Next(sites.Count)];
            Edit(site, replace, random, additions[i]);
        }
        return root.ToJsonString();
    }

    private static void Collect(JsonNode node, Action<JsonNode> replace, List<(JsonNode, Action<JsonNode>)> sites)
    {
        sites.Add((node, replace));
        if (node is not JsonObject obj) return;
        foreach (var keyword in SchemaKeywords)
        {
            if (obj[keyword] is { } child) Collect(child, r => obj[keyword] = r, sites);
        }
        foreach (var keyword in SchemaArrays)
        {
            if (obj[keyword] is not JsonArray array) continue;
            for (var i = 0; i < array.Count; i++)
            {
                var index = i;
                Collect(array[i]!, r => array[index] = r, sites);
            }
        }
        foreach (var keyword in SchemaMaps)
        {
            if (obj[keyword] is not JsonObject map) continue;
            foreach (var name in map.Select(m => m.Key).ToList()) Collect(map[name]!, r => map[name] = r, sites);
        }
    }

    private static void Edit(JsonNode site, Action<JsonNode> replace, Random random, (string Name, JsonNode Value) addition)
    {
        if (site is not JsonObject schema || random.Next(10) == 0)
        {
            // Replace the whole subschema by true, false, or a fresh one.
            replace(random.Next(3) switch
            {
                0 => JsonValue.Create(true),
                1 => JsonValue.Create(false),
                _ => new JsonObject { [addition.Name] = addition.Value?.DeepClone() },
            });
            return;
        }
        var keys = schema.Select(m => m.Key).Where(k => k != "$defs").ToList();
        switch (random.Next(4))
        {
            case 0 when keys.Count > 0:
                schema.Remove(keys[random.Next(keys.Count)]);
                return;
            case 1 when keys.Count > 0:
                Nudge(schema, keys[random.Next(keys.Count)], random);
                return;
            default:
                schema[addition.Name] = addition.Value?.DeepClone();
                return;
        }
    }

    /// <summary>A small step on one keyword: a bound by one, a type or enum value or required name added or dropped.</summary>
    private static void Nudge(JsonObject schema, string keyword, Random random)
    {
        var value = schema[keyword];
        switch (value)
        {
            case JsonValue number when number.GetValueKind() == System.Text.Json.JsonValueKind.Number:
                var value0 = double.Parse(number.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);
                var next = value0 + (random.Next(2) == 0 ? -1 : 1);
                if (keyword is "multipleOf") next = random.Next(2) == 0 ? value0 * 2 : Math.Max(0.5, value0 / 2);
                if (keyword.StartsWith("min", StringComparison.Ordinal) || keyword.StartsWith("max", StringComparison.Ordinal))
                    next = Math.Max(0, next);
                schema[keyword] = next == Math.Floor(next) ? JsonValue.Create((int)next) : JsonValue.Create(next);
                return;
            case JsonValue text when keyword == "type":
                var current = text.GetValue<string>();
                var other = AllTypes[random.Next(AllTypes.Length)];
                schema[keyword] = random.Next(2) == 0 && other != current ? new JsonArray(current, other) : other;
                return;
            case JsonArray array when keyword is "type" or "required" or "enum":
                if (array.Count > 0 && random.Next(2) == 0) array.RemoveAt(random.Next(array.Count));
                else if (keyword == "type") array.Add(AllTypes[random.Next(AllTypes.Length)]);
                else if (keyword == "required") array.Add(new[] { "a", "b", "c" }[random.Next(3)]);
                else array.Add(random.Next(5));
                DeduplicateIfNeeded(schema, keyword);
                return;
            default:
                schema.Remove(keyword);
                return;
        }
    }

    private static void DeduplicateIfNeeded(JsonObject schema, string keyword)
    {
        if (keyword == "enum" || schema[keyword] is not JsonArray array) return;
        var distinct = array.Select(v => v!.ToJsonString()).Distinct().Select(t => JsonNode.Parse(t)).ToList();
        schema[keyword] = new JsonArray([.. distinct]);
    }
}
