using SchemaRegistry.Formats.JsonSchema.Diff;

namespace SchemaRegistry.Formats.JsonSchema.Model;

/// <summary>
/// The types a schema can possibly accept: the intersection of its <c>type</c>, <c>enum</c> and <c>const</c>, of each
/// anyOf/oneOf (the union of its alternatives) and of each unmerged allOf branch. An over-approximation (a schema may
/// accept fewer types), which is what makes it safe for proving that a change cannot affect old values.
/// </summary>
internal static class TypeInference
{
    public static JsonTypes Of(EffectiveSchema schema, DiffContext context, int depth)
    {
        if (schema.IsFalse) return JsonTypes.None;
        var types = JsonTypes.All;
        foreach (var type in schema.All("type")) types &= JsonTypeSets.FromTypeKeyword(type.Value);
        foreach (var constant in schema.All("const")) types &= JsonTypeSets.Of(constant.Value);
        foreach (var values in schema.All("enum"))
        {
            if (values.Value.ValueKind != System.Text.Json.JsonValueKind.Array) continue;
            var union = JsonTypes.None;
            foreach (var value in values.Value.EnumerateArray()) union |= JsonTypeSets.Of(value);
            types &= union;
        }
        if (depth <= 0 || types == JsonTypes.None) return types;
        foreach (var group in schema.All("anyOf").Concat(schema.All("oneOf")))
        {
            var union = JsonTypes.None;
            foreach (var branch in group.Schemas()) union |= Of(context.Effective(branch), context, depth - 1);
            types &= union;
        }
        foreach (var branch in schema.Residual) types &= Of(context.Effective(branch), context, depth - 1);
        return types;
    }
}
