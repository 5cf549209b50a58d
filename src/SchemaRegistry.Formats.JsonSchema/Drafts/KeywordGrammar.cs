using System.Collections.Frozen;

namespace SchemaRegistry.Formats.JsonSchema.Drafts;

/// <summary>Where a keyword's value holds subschemas, if anywhere.</summary>
internal enum KeywordShape
{
    /// <summary>A plain value (number, string, array of names...), no subschema.</summary>
    Value,

    /// <summary>One subschema (<c>not</c>, <c>additionalProperties</c>...).</summary>
    Schema,

    /// <summary>An array of subschemas (<c>allOf</c>, <c>prefixItems</c>...).</summary>
    SchemaArray,

    /// <summary>An object whose member values are subschemas (<c>properties</c>, <c>$defs</c>...).</summary>
    SchemaMap,

    /// <summary>A subschema or an array of subschemas: <c>items</c> before 2020-12.</summary>
    SchemaOrSchemaArray,

    /// <summary>An object whose member values are subschemas or arrays of names: <c>dependencies</c>.</summary>
    SchemaOrNamesMap,
}

/// <summary>What a keyword is for, which decides how a change to it is judged.</summary>
internal enum KeywordRole
{
    /// <summary>Refuses or applies subschemas to instances: changes are structural.</summary>
    Assertion,

    /// <summary>Identifies resources, anchors or the dialect (<c>$id</c>, <c>$anchor</c>, <c>$schema</c>...).</summary>
    Identifier,

    /// <summary>Holds subschemas only for referencing (<c>$defs</c>, <c>definitions</c>).</summary>
    Definitions,

    /// <summary>Refers to another schema (<c>$ref</c>, <c>$dynamicRef</c>, <c>$recursiveRef</c>).</summary>
    Reference,

    /// <summary>Describes without refusing anything (<c>title</c>, <c>default</c>...).</summary>
    Annotation,
}

/// <summary>
/// The keyword grammar of every supported draft: which keywords a draft knows, their role and where their subschemas
/// are. One table, read by the walker, the diff model and the normalizer, so the three never disagree.
/// </summary>
internal static class KeywordGrammar
{
    private sealed record Entry(string Name, JsonSchemaDraft From, JsonSchemaDraft To, KeywordShape Shape, KeywordRole Role);

    private const JsonSchemaDraft D4 = JsonSchemaDraft.Draft4;
    private const JsonSchemaDraft D6 = JsonSchemaDraft.Draft6;
    private const JsonSchemaDraft D7 = JsonSchemaDraft.Draft7;
    private const JsonSchemaDraft D2019 = JsonSchemaDraft.Draft201909;
    private const JsonSchemaDraft D2020 = JsonSchemaDraft.Draft202012;

    private static readonly Entry[] Entries =
    [
        new("$schema", D4, D2020, KeywordShape.Value, KeywordRole.Identifier),
        new("id", D4, D4, KeywordShape.Value, KeywordRole.Identifier),
        new("$id", D6, D2020, KeywordShape.Value, KeywordRole.Identifier),
        new("$anchor", D2019, D2020, KeywordShape.Value, KeywordRole.Identifier),
        new("$dynamicAnchor", D2020, D2020, KeywordShape.Value, KeywordRole.Identifier),
        new("$recursiveAnchor", D2019, D2019, KeywordShape.Value, KeywordRole.Identifier),
        new("$vocabulary", D2019, D2020, KeywordShape.Value, KeywordRole.Identifier),
        new("$ref", D4, D2020, KeywordShape.Value, KeywordRole.Reference),
        new("$dynamicRef", D2020, D2020, KeywordShape.Value, KeywordRole.Reference),
        new("$recursiveRef", D2019, D2019, KeywordShape.Value, KeywordRole.Reference),
        new("definitions", D4, D7, KeywordShape.SchemaMap, KeywordRole.Definitions),
        new("$defs", D2019, D2020, KeywordShape.SchemaMap, KeywordRole.Definitions),
        new("$comment", D7, D2020, KeywordShape.Value, KeywordRole.Annotation),
        new("title", D4, D2020, KeywordShape.Value, KeywordRole.Annotation),
        new("description", D4, D2020, KeywordShape.Value, KeywordRole.Annotation),
        new("default", D4, D2020, KeywordShape.Value, KeywordRole.Annotation),
        new("examples", D6, D2020, KeywordShape.Value, KeywordRole.Annotation),
        new("deprecated", D2019, D2020, KeywordShape.Value, KeywordRole.Annotation),
        new("readOnly", D7, D2020, KeywordShape.Value, KeywordRole.Annotation),
        new("writeOnly", D7, D2020, KeywordShape.Value, KeywordRole.Annotation),
        new("type", D4, D2020, KeywordShape.Value, KeywordRole.Assertion),
        new("enum", D4, D2020, KeywordShape.Value, KeywordRole.Assertion),
        new("const", D6, D2020, KeywordShape.Value, KeywordRole.Assertion),
        new("multipleOf", D4, D2020, KeywordShape.Value, KeywordRole.Assertion),
        new("maximum", D4, D2020, KeywordShape.Value, KeywordRole.Assertion),
        new("exclusiveMaximum", D4, D2020, KeywordShape.Value, KeywordRole.Assertion),
        new("minimum", D4, D2020, KeywordShape.Value, KeywordRole.Assertion),
        new("exclusiveMinimum", D4, D2020, KeywordShape.Value, KeywordRole.Assertion),
        new("maxLength", D4, D2020, KeywordShape.Value, KeywordRole.Assertion),
        new("minLength", D4, D2020, KeywordShape.Value, KeywordRole.Assertion),
        new("pattern", D4, D2020, KeywordShape.Value, KeywordRole.Assertion),
        new("format", D4, D2020, KeywordShape.Value, KeywordRole.Assertion),
        new("contentEncoding", D7, D2020, KeywordShape.Value, KeywordRole.Assertion),
        new("contentMediaType", D7, D2020, KeywordShape.Value, KeywordRole.Assertion),
        new("contentSchema", D2019, D2020, KeywordShape.Schema, KeywordRole.Assertion),
        new("maxItems", D4, D2020, KeywordShape.Value, KeywordRole.Assertion),
        new("minItems", D4, D2020, KeywordShape.Value, KeywordRole.Assertion),
        new("uniqueItems", D4, D2020, KeywordShape.Value, KeywordRole.Assertion),
        new("maxContains", D2019, D2020, KeywordShape.Value, KeywordRole.Assertion),
        new("minContains", D2019, D2020, KeywordShape.Value, KeywordRole.Assertion),
        new("maxProperties", D4, D2020, KeywordShape.Value, KeywordRole.Assertion),
        new("minProperties", D4, D2020, KeywordShape.Value, KeywordRole.Assertion),
        new("required", D4, D2020, KeywordShape.Value, KeywordRole.Assertion),
        new("dependentRequired", D2019, D2020, KeywordShape.Value, KeywordRole.Assertion),
        new("allOf", D4, D2020, KeywordShape.SchemaArray, KeywordRole.Assertion),
        new("anyOf", D4, D2020, KeywordShape.SchemaArray, KeywordRole.Assertion),
        new("oneOf", D4, D2020, KeywordShape.SchemaArray, KeywordRole.Assertion),
        new("not", D4, D2020, KeywordShape.Schema, KeywordRole.Assertion),
        new("if", D7, D2020, KeywordShape.Schema, KeywordRole.Assertion),
        new("then", D7, D2020, KeywordShape.Schema, KeywordRole.Assertion),
        new("else", D7, D2020, KeywordShape.Schema, KeywordRole.Assertion),
        new("items", D4, D2019, KeywordShape.SchemaOrSchemaArray, KeywordRole.Assertion),
        new("items", D2020, D2020, KeywordShape.Schema, KeywordRole.Assertion),
        new("prefixItems", D2020, D2020, KeywordShape.SchemaArray, KeywordRole.Assertion),
        new("additionalItems", D4, D2019, KeywordShape.Schema, KeywordRole.Assertion),
        new("contains", D6, D2020, KeywordShape.Schema, KeywordRole.Assertion),
        new("unevaluatedItems", D2019, D2020, KeywordShape.Schema, KeywordRole.Assertion),
        new("properties", D4, D2020, KeywordShape.SchemaMap, KeywordRole.Assertion),
        new("patternProperties", D4, D2020, KeywordShape.SchemaMap, KeywordRole.Assertion),
        new("additionalProperties", D4, D2020, KeywordShape.Schema, KeywordRole.Assertion),
        new("propertyNames", D6, D2020, KeywordShape.Schema, KeywordRole.Assertion),
        new("unevaluatedProperties", D2019, D2020, KeywordShape.Schema, KeywordRole.Assertion),
        new("dependencies", D4, D7, KeywordShape.SchemaOrNamesMap, KeywordRole.Assertion),
        new("dependentSchemas", D2019, D2020, KeywordShape.SchemaMap, KeywordRole.Assertion),
    ];

    // One frozen map per draft (looked up on every keyword of every subschema the walker and the diff visit).
    private static readonly FrozenDictionary<string, Entry> Draft4Entries = Build(D4);
    private static readonly FrozenDictionary<string, Entry> Draft6Entries = Build(D6);
    private static readonly FrozenDictionary<string, Entry> Draft7Entries = Build(D7);
    private static readonly FrozenDictionary<string, Entry> Draft2019Entries = Build(D2019);
    private static readonly FrozenDictionary<string, Entry> Draft2020Entries = Build(D2020);

    private static FrozenDictionary<string, Entry> Build(JsonSchemaDraft draft)
    {
        var map = new Dictionary<string, Entry>(StringComparer.Ordinal);
        foreach (var entry in Entries)
        {
            if (draft >= entry.From && draft <= entry.To) map[entry.Name] = entry;
        }
        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static FrozenDictionary<string, Entry> EntriesOf(JsonSchemaDraft draft) => draft switch
    {
        D4 => Draft4Entries,
        D6 => Draft6Entries,
        D7 => Draft7Entries,
        D2019 => Draft2019Entries,
        D2020 => Draft2020Entries,
        _ => FrozenDictionary<string, Entry>.Empty,
    };

    /// <summary>True when <paramref name="draft"/> defines <paramref name="keyword"/>; anything else is an extension.</summary>
    public static bool IsKnown(string keyword, JsonSchemaDraft draft) => EntriesOf(draft).ContainsKey(keyword);

    /// <summary>Where the keyword's subschemas are, or <see cref="KeywordShape.Value"/> for unknown keywords.</summary>
    public static KeywordShape ShapeOf(string keyword, JsonSchemaDraft draft) =>
        EntriesOf(draft).TryGetValue(keyword, out var entry) ? entry.Shape : KeywordShape.Value;

    /// <summary>The keyword's role; unknown keywords are annotations (they never refuse anything).</summary>
    public static KeywordRole RoleOf(string keyword, JsonSchemaDraft draft) =>
        EntriesOf(draft).TryGetValue(keyword, out var entry) ? entry.Role : KeywordRole.Annotation;

    /// <summary>
    /// True when <paramref name="draft"/> defines <paramref name="keyword"/>, with its shape and role (one lookup for
    /// the three questions).
    /// </summary>
    public static bool TryGet(string keyword, JsonSchemaDraft draft, out KeywordShape shape, out KeywordRole role)
    {
        if (EntriesOf(draft).TryGetValue(keyword, out var entry))
        {
            shape = entry.Shape;
            role = entry.Role;
            return true;
        }
        shape = KeywordShape.Value;
        role = KeywordRole.Annotation;
        return false;
    }
}
