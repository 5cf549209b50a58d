using System.Text.Json;
using SchemaRegistry.Formats.JsonSchema.Model;

namespace SchemaRegistry.Formats.JsonSchema.Diff;

/// <summary>
/// Proofs that two schemas accept no common value: disjoint types, disjoint enum/const sets, or (for objects) a
/// property both require whose schemas are themselves disjoint, which covers discriminated unions
/// (<c>{"kind": {"const": "a"}}</c> versus <c>{"kind": {"const": "b"}}</c>). Used to decide whether a <c>oneOf</c>
/// behaves as an <c>anyOf</c>. "Not proven" never means "overlapping": callers stay conservative.
/// </summary>
internal static class Disjointness
{
    /// <summary>
    /// True when no value of a type in <paramref name="among"/> is accepted by both schemas (callers pass the types
    /// that matter: those the old schema and the rest of the new one can let through).
    /// </summary>
    public static bool AreDisjoint(DiffContext context, EffectiveSchema a, EffectiveSchema b, JsonTypes among = JsonTypes.All, int depth = 3)
    {
        if (a.IsFalse || b.IsFalse) return true;
        var shared = context.TypesOf(a) & context.TypesOf(b) & among;
        if (shared == JsonTypes.None) return true;
        if (Values(a) is { } left && Values(b) is { } right && !left.Exists(v => right.ContainsValue(v))) return true;
        if (depth == 0 || shared != JsonTypes.Object) return false;

        var requiredA = a.All("required").SelectMany(k => k.Strings()).ToHashSet(StringComparer.Ordinal);
        var requiredB = b.All("required").SelectMany(k => k.Strings()).ToHashSet(StringComparer.Ordinal);
        foreach (var name in requiredA.Intersect(requiredB))
        {
            var schemaA = Property(context, a, name);
            var schemaB = Property(context, b, name);
            if (schemaA is not null && schemaB is not null && AreDisjoint(context, schemaA, schemaB, JsonTypes.All, depth - 1)) return true;
        }
        foreach (var name in requiredA)
        {
            if (Property(context, b, name) is { IsFalse: true }) return true;
        }
        foreach (var name in requiredB)
        {
            if (Property(context, a, name) is { IsFalse: true }) return true;
        }
        return false;
    }

    private static EffectiveSchema? Property(DiffContext context, EffectiveSchema schema, string name)
    {
        var nodes = schema.All("properties").Where(k => k.Value.ValueKind == JsonValueKind.Object && k.Value.TryGetProperty(name, out _))
            .Select(k => k.Schema(name)).ToList();
        return nodes.Count switch
        {
            0 => null,
            1 => context.Effective(nodes[0]),
            _ => EffectiveSchema.Conjunction(nodes, inPlace: false),
        };
    }

    private static List<JsonElement>? Values(EffectiveSchema schema)
    {
        List<JsonElement>? values = null;
        foreach (var keyword in schema.All("const").Concat(schema.All("enum")))
        {
            IEnumerable<JsonElement> these = keyword.Keyword == "const" ? [keyword.Value]
                : keyword.Value.ValueKind == JsonValueKind.Array ? keyword.Value.EnumerateArray() : [];
            values = values is null ? [.. these] : [.. values.Where(v => these.ContainsValue(v))];
        }
        return values;
    }
}
