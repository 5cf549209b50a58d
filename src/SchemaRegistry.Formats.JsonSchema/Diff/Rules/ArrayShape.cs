using System.Text.Json;
using SchemaRegistry.Formats.JsonSchema.Model;

namespace SchemaRegistry.Formats.JsonSchema.Diff.Rules;

/// <summary>
/// What one side says about array items, whatever the draft's spelling: positional schemas (<c>items</c> as an array
/// before 2020-12, <c>prefixItems</c> after) and the schema for the remaining positions (<c>additionalItems</c>, or
/// <c>items</c> as a schema, then <c>unevaluatedItems</c> under the same caution as <see cref="ObjectShape"/>).
/// </summary>
internal sealed class ArrayShape
{
    public ArrayShape(DiffContext context, EffectiveSchema schema, bool isWriter, EffectiveSchema counterpart)
    {
        var items = schema.First("items");
        var prefix = schema.First("prefixItems") ?? (items is { Value.ValueKind: JsonValueKind.Array } ? items : null);
        if (prefix is not null)
        {
            Prefix = [.. prefix.Schemas().Select(node => Slot.Of(context.Effective(node), node.ReportPath, prefix.Keyword, declared: true))];
        }
        // contains also marks the items it matches as evaluated, so it counts as an in-place applicator here.
        Rest = RestOf(context, schema, items, approximate: isWriter && (schema.HasInPlaceApplicators || schema.Has("contains")));
        RestOnBothSides = isWriter && (ObjectShape.UnevaluatedIsExact(schema, counterpart) && (!schema.Has("contains") || schema.InPlaceSignature() == counterpart.InPlaceSignature()))
            ? RestOf(context, schema, items, approximate: false)
            : Rest;
    }

    /// <summary>The schema for positions past the prefix on both sides (see <see cref="ObjectShape.OthersOnBothSides"/>).</summary>
    public Slot RestOnBothSides { get; }

    private static Slot RestOf(DiffContext context, EffectiveSchema schema, KeywordValue? items, bool approximate)
    {
        var rest = items is { Value.ValueKind: not JsonValueKind.Array } ? items : schema.First("additionalItems");
        if (rest is not null) return Slot.Of(context.Effective(rest.Schema()), rest.Path, rest.Keyword, declared: false);
        if (schema.First("unevaluatedItems") is { } unevaluated && !approximate)
            return Slot.Of(context.Effective(unevaluated.Schema()), unevaluated.Path, "unevaluatedItems", declared: false);
        return Slot.Absent(schema.Primary.ReportPath);
    }

    /// <summary>The positional schemas.</summary>
    public IReadOnlyList<Slot> Prefix { get; } = [];

    /// <summary>The schema for positions past the prefix.</summary>
    public Slot Rest { get; }

    /// <summary>The schema governing a position.</summary>
    public Slot At(int index) => index < Prefix.Count ? Prefix[index] : Rest;
}
