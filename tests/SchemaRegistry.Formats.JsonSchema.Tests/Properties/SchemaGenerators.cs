using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;

namespace SchemaRegistry.Formats.JsonSchema.Tests.Properties;

/// <summary>
/// Random 2020-12 schemas over a small vocabulary (few property names, small numbers, a handful of patterns), so that
/// random documents often hit the constraints, and random edits of a schema (relaxations and restrictions alike).
/// </summary>
public static class SchemaGenerators
{
    private static readonly string[] Names = ["a", "b", "c"];
    private static readonly string[] Patterns = ["^a", "b$", "^[ab]*$", "a"];
    private static readonly JsonNode[] Types =
    [
        "string", "integer", "number", "object", "array", "boolean", "null",
        new JsonArray("string", "null"), new JsonArray("integer", "string"), new JsonArray("object", "null"),
    ];

    /// <summary>A whole schema: a random subschema, sometimes with a definition it may reference.</summary>
    public static Gen<string> Schema() =>
        from definition in Gen.Frequency((3, Gen.Constant<JsonNode?>(null)), (1, Subschema(1, allowRef: false).Select(n => (JsonNode?)n)))
        from root in Gen.Sized(size => Subschema(Math.Min(3, 1 + size / 30), allowRef: definition is not null))
        select Compose(root, definition);

    private static string Compose(JsonNode root, JsonNode? definition)
    {
        if (definition is not null && root is JsonObject obj) obj["$defs"] = new JsonObject { ["d"] = definition.DeepClone() };
        return root.ToJsonString();
    }

    /// <summary>A subschema of at most <paramref name="depth"/> levels.</summary>
    public static Gen<JsonNode> Subschema(int depth, bool allowRef) => Gen.Frequency(
        (1, Gen.Elements<JsonNode>(true, false).Select(b => b.DeepClone())),
        (allowRef ? 1 : 0, Gen.Constant<JsonNode>(new JsonObject { ["$ref"] = "#/$defs/d" }).Select(n => n.DeepClone())),
        (8, ObjectSchema(depth, allowRef)));

    private static Gen<JsonNode> ObjectSchema(int depth, bool allowRef) =>
        from count in Gen.Choose(1, 3)
        from keywords in Gen.ListOf(Keyword(depth, allowRef), count)
        select (JsonNode)Merge(keywords);

    private static JsonObject Merge(IEnumerable<(string Name, JsonNode Value)> keywords)
    {
        var schema = new JsonObject();
        foreach (var (name, value) in keywords) schema[name] = value?.DeepClone();
        return schema;
    }

    /// <summary>One keyword with a random value.</summary>
    public static Gen<(string, JsonNode)> Keyword(int depth, bool allowRef)
    {
        var leaf = new List<(int, Gen<(string, JsonNode)>)>
        {
            (4, Gen.Elements(Types).Select(t => ("type", t.DeepClone()))),
            (1, Gen.Choose(0, 3).Select(n => ("minLength", (JsonNode)n))),
            (1, Gen.Choose(1, 5).Select(n => ("maxLength", (JsonNode)n))),
            (1, Gen.Elements(Patterns).Select(p => ("pattern", (JsonNode)p))),
            (1, Gen.Elements("date", "email").Select(f => ("format", (JsonNode)f))),
            (1, Gen.Choose(-2, 5).Select(n => ("minimum", (JsonNode)n))),
            (1, Gen.Choose(-2, 5).Select(n => ("maximum", (JsonNode)n))),
            (1, Gen.Choose(-2, 5).Select(n => ("exclusiveMinimum", (JsonNode)n))),
            (1, Gen.Choose(-2, 5).Select(n => ("exclusiveMaximum", (JsonNode)n))),
            (1, Gen.Elements<JsonNode>(1, 2, 3, 0.5).Select(n => ("multipleOf", n.DeepClone()))),
            (2, Gen.ListOf(Value(1), 3).Select(v => ("enum", (JsonNode)new JsonArray([.. v])))),
            (1, Value(1).Select(v => ("const", v))),
            (2, Gen.SubListOf(Names).Select(n => ("required", (JsonNode)new JsonArray([.. n.Select(x => (JsonNode)x)])))),
            (1, Gen.Choose(0, 2).Select(n => ("minProperties", (JsonNode)n))),
            (1, Gen.Choose(1, 3).Select(n => ("maxProperties", (JsonNode)n))),
            (1, Gen.Choose(0, 2).Select(n => ("minItems", (JsonNode)n))),
            (1, Gen.Choose(1, 3).Select(n => ("maxItems", (JsonNode)n))),
            (1, Gen.Constant(("uniqueItems", (JsonNode)true))),
            (1, Gen.Elements("a", "b").Select(n => ("dependentRequired", (JsonNode)new JsonObject { [n] = new JsonArray(n == "a" ? "b" : "c") }))),
            (1, Gen.Constant(("title", (JsonNode)"t"))),
            (1, Gen.Choose(0, 2).Select(n => ("minContains", (JsonNode)n))),
            (1, Gen.Choose(1, 2).Select(n => ("maxContains", (JsonNode)n))),
        };
        if (depth <= 0) return Gen.Frequency(leaf.ToArray());
        var sub = Subschema(depth - 1, allowRef);
        var nested = new List<(int, Gen<(string, JsonNode)>)>
        {
            (4, Gen.SubListOf(Names).SelectMany(names => Gen.ListOf(sub, names.Count).Select(schemas =>
                ("properties", (JsonNode)Merge(names.Zip(schemas)))))),
            (2, sub.Select(s => ("additionalProperties", s))),
            (1, sub.Select(s => ("patternProperties", (JsonNode)new JsonObject { ["^a"] = s }))),
            (1, sub.Select(s => ("patternProperties", (JsonNode)new JsonObject { ["^b"] = s }))),
            (1, sub.Select(s => ("unevaluatedProperties", s))),
            (1, sub.Select(s => ("unevaluatedItems", s))),
            (1, Gen.Elements(Patterns).Select(p => ("propertyNames", (JsonNode)new JsonObject { ["pattern"] = p }))),
            (1, sub.Select(s => ("dependentSchemas", (JsonNode)new JsonObject { ["a"] = s }))),
            (2, sub.Select(s => ("items", s))),
            (1, Gen.Choose(1, 2).SelectMany(n => Gen.ListOf(sub, n)).Select(s => ("prefixItems", (JsonNode)new JsonArray([.. s])))),
            (1, sub.Select(s => ("contains", s))),
            (2, Gen.Choose(1, 3).SelectMany(n => Gen.ListOf(sub, n)).Select(s => ("anyOf", (JsonNode)new JsonArray([.. s])))),
            (1, Gen.Choose(1, 3).SelectMany(n => Gen.ListOf(sub, n)).Select(s => ("oneOf", (JsonNode)new JsonArray([.. s])))),
            (1, Gen.Choose(1, 2).SelectMany(n => Gen.ListOf(sub, n)).Select(s => ("allOf", (JsonNode)new JsonArray([.. s])))),
            (1, sub.Select(s => ("not", s))),
            (1, sub.Select(s => ("if", s))),
            (1, sub.Select(s => ("then", s))),
            (1, sub.Select(s => ("else", s))),
        };
        return Gen.Frequency([.. leaf, .. nested]);
    }

    /// <summary>A small JSON value from the universe documents are drawn from.</summary>
    public static Gen<JsonNode> Value(int depth)
    {
        var scalars = Gen.Elements<JsonNode?>(null, true, false, -1, 0, 1, 2, 3, 0.5, 2.5, "", "a", "ab", "b", "ba", "abc", "2020-01-01", "x@y.com")
            .Select(v => v?.DeepClone() ?? JsonValue.Create((string?)null)!);
        if (depth <= 0) return scalars!;
        return Gen.Frequency(
            (6, scalars!),
            (1, Gen.Choose(0, 2).SelectMany(n => Gen.ListOf(Value(depth - 1), n)).Select(v => (JsonNode)new JsonArray([.. v]))),
            (1, Gen.SubListOf(Names).SelectMany(names => Gen.ListOf(Value(depth - 1), names.Count)
                .Select(values => (JsonNode)Merge(names.Zip(values))))));
    }

    /// <summary>Random edits of a schema: one to three keyword changes at random places.</summary>
    public static Gen<string> Mutated(string schema) =>
        from count in Gen.Frequency((3, Gen.Constant(1)), (1, Gen.Constant(2)))
        from seed in Gen.Choose(0, int.MaxValue - 1)
        from additions in Gen.ListOf(Keyword(1, allowRef: false), count)
        select Mutations.Apply(schema, count, new Random(seed), additions);
}
