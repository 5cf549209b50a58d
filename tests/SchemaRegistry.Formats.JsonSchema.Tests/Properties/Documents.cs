using System.Text.Json.Nodes;

namespace SchemaRegistry.Formats.JsonSchema.Tests.Properties;

/// <summary>
/// Sample documents for a schema: half drawn blindly from a small universe, half steered by the schema (its types,
/// enums, declared properties and items), so that a useful share of them is valid and exercises the constraints.
/// </summary>
public static class Documents
{
    private static readonly string[] Strings = ["", "a", "ab", "b", "ba", "aab", "abc", "bbbbbb", "2020-01-01", "x@y.com", "1"];
    private static readonly double[] Numbers = [-3, -2, -1, 0, 1, 2, 3, 4, 5, 6, 0.5, 1.5, 2.5];
    private static readonly string[] Keys = ["a", "b", "c", "d", "aa", "ab"];
    private static readonly string[] TypeNames = ["null", "boolean", "integer", "number", "string", "object", "array"];

    /// <summary>Documents (as JSON text) for <paramref name="schemaText"/>.</summary>
    public static IEnumerable<string> Sample(string schemaText, Random random, int count)
    {
        var root = JsonNode.Parse(schemaText);
        for (var i = 0; i < count; i++)
        {
            var document = i % 2 == 0 ? Blind(random, 2) : Steered(root, root, random, 2);
            yield return document?.ToJsonString() ?? "null";
        }
    }

    private static JsonNode? Blind(Random random, int depth)
    {
        var kind = random.Next(depth > 0 ? 7 : 5);
        return kind switch
        {
            0 => null,
            1 => JsonValue.Create(random.Next(2) == 0),
            2 => Number(random),
            3 or 4 => JsonValue.Create(Strings[random.Next(Strings.Length)]),
            5 => new JsonArray([.. Enumerable.Range(0, random.Next(4)).Select(_ => Blind(random, depth - 1))]),
            _ => Object(random, Keys.Where(_ => random.Next(3) == 0), _ => Blind(random, depth - 1)),
        };
    }

    private static JsonNode? Steered(JsonNode? root, JsonNode? schema, Random random, int depth)
    {
        if (schema is not JsonObject obj || depth < 0) return Blind(random, Math.Max(0, depth));
        if (obj["$ref"] is JsonValue && root?["$defs"]?["d"] is { } definition && random.Next(4) > 0) return Steered(root, definition, random, depth);
        if (obj["const"] is { } constant && random.Next(4) > 0) return constant.DeepClone();
        if (obj["enum"] is JsonArray values && values.Count > 0 && random.Next(4) > 0) return values[random.Next(values.Count)]?.DeepClone();
        foreach (var combinator in (string[])["allOf", "anyOf", "oneOf"])
        {
            if (obj[combinator] is JsonArray branches && branches.Count > 0 && random.Next(2) == 0)
                return Steered(root, branches[random.Next(branches.Count)], random, depth);
        }
        var type = obj["type"] switch
        {
            JsonValue single => single.GetValue<string>(),
            JsonArray many when many.Count > 0 => many[random.Next(many.Count)]!.GetValue<string>(),
            _ => TypeNames[random.Next(TypeNames.Length)],
        };
        switch (type)
        {
            case "null": return null;
            case "boolean": return JsonValue.Create(random.Next(2) == 0);
            case "integer": return JsonValue.Create(random.Next(-3, 7));
            case "number": return Number(random);
            case "string": return JsonValue.Create(Strings[random.Next(Strings.Length)]);
            case "array":
                var prefix = obj["prefixItems"] as JsonArray;
                return new JsonArray([.. Enumerable.Range(0, random.Next(4)).Select(i =>
                    Steered(root, prefix is not null && i < prefix.Count ? prefix[i] : obj["items"], random, depth - 1))]);
            default:
                var properties = obj["properties"] as JsonObject;
                var names = (properties?.Select(p => p.Key) ?? []).Where(_ => random.Next(4) > 0)
                    .Concat((obj["required"] as JsonArray)?.Select(r => r!.GetValue<string>()) ?? [])
                    .Concat(Keys.Where(_ => random.Next(6) == 0))
                    .Distinct();
                return Object(random, names, name => Steered(root, properties?[name] ?? obj["additionalProperties"], random, depth - 1));
        }
    }

    private static JsonObject Object(Random random, IEnumerable<string> names, Func<string, JsonNode?> value)
    {
        var obj = new JsonObject();
        foreach (var name in names) obj[name] = value(name);
        return obj;
    }

    private static JsonNode Number(Random random)
    {
        var value = Numbers[random.Next(Numbers.Length)];
        return value == Math.Floor(value) ? JsonValue.Create((int)value) : JsonValue.Create(value);
    }
}
