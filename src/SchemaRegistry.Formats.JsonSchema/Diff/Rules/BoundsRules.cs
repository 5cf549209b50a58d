using System.Text.Json;
using SchemaRegistry.Formats.JsonSchema.Drafts;
using SchemaRegistry.Formats.JsonSchema.Model;

namespace SchemaRegistry.Formats.JsonSchema.Diff.Rules;

/// <summary>Which end of a range a keyword bounds.</summary>
internal enum BoundSide
{
    /// <summary>maxLength, maximum, maxItems...: raising it accepts more.</summary>
    Upper,

    /// <summary>minLength, minimum, minItems...: lowering it accepts more.</summary>
    Lower,
}

/// <summary>
/// One row of the bounds table: a bound keyword (with its exclusive twin for numbers), the side it bounds and the type
/// it applies to. The kind names derive from the row prefix: <c>MAX_LENGTH_ADDED</c>, <c>..._INCREASED</c>...
/// </summary>
internal sealed record BoundRow(string Prefix, string Keyword, string? ExclusiveKeyword, string? ExclusivePrefix, BoundSide Side, JsonTypes AppliesTo);

/// <summary>An effective bound: the tightest of its keywords, with where it was written.</summary>
internal sealed record Bound(Number Value, bool Exclusive, KeywordValue Source, string Prefix)
{
    /// <summary>For messages: <c>&lt;= 10</c>, <c>&gt; 5</c>.</summary>
    public string Describe(BoundSide side) => (side == BoundSide.Upper ? Exclusive ? "< " : "<= " : Exclusive ? "> " : ">= ") + Value;
}

/// <summary>
/// Every numeric bound keyword, as rows of one table compared by one routine (Karapace's style): absent means
/// unbounded, raising an upper bound or lowering a lower one is compatible, the reverse breaks. For numbers the
/// inclusive and exclusive keywords are folded into one effective bound per side, so draft 4's
/// <c>{"minimum": 10, "exclusiveMinimum": true}</c> equals draft 6's <c>{"exclusiveMinimum": 10}</c>, and
/// <c>exclusiveMinimum: 10</c> to <c>minimum: 10</c> is a relaxation.
/// </summary>
internal static class BoundsRules
{
    /// <summary>The table.</summary>
    public static readonly BoundRow[] Rows =
    [
        new("MAX_LENGTH", "maxLength", null, null, BoundSide.Upper, JsonTypes.String),
        new("MIN_LENGTH", "minLength", null, null, BoundSide.Lower, JsonTypes.String),
        new("MAXIMUM", "maximum", "exclusiveMaximum", "EXCLUSIVE_MAXIMUM", BoundSide.Upper, JsonTypes.Number),
        new("MINIMUM", "minimum", "exclusiveMinimum", "EXCLUSIVE_MINIMUM", BoundSide.Lower, JsonTypes.Number),
        new("MAX_ITEMS", "maxItems", null, null, BoundSide.Upper, JsonTypes.Array),
        new("MIN_ITEMS", "minItems", null, null, BoundSide.Lower, JsonTypes.Array),
        new("MAX_PROPERTIES", "maxProperties", null, null, BoundSide.Upper, JsonTypes.Object),
        new("MIN_PROPERTIES", "minProperties", null, null, BoundSide.Lower, JsonTypes.Object),
    ];

    /// <summary>Compares the rows that apply to <paramref name="family"/>.</summary>
    public static void Compare(DiffContext context, Pair pair, JsonTypes family)
    {
        foreach (var row in Rows)
        {
            if (row.AppliesTo != family) continue;
            var before = Effective(pair.Old, row);
            var after = Effective(pair.New, row);
            // Over integers an exclusive bound equals an inclusive one a unit further: > 9 is >= 10.
            if (family == JsonTypes.Number && pair.OldTypes.IsSubsetOf(JsonTypes.Integer))
            {
                before = ToInteger(before, row.Side);
                after = ToInteger(after, row.Side);
            }
            CompareBounds(context, row.Side, row.Keyword, before, after);
        }
    }

    /// <summary>The routine every bound goes through (also used for minContains/maxContains).</summary>
    public static void CompareBounds(DiffContext context, BoundSide side, string name, Bound? before, Bound? after)
    {
        if (before is null && after is null) return;
        if (after is null)
        {
            context.Add(before!.Prefix + "_REMOVED", before.Source.Path, $"{name} {before.Describe(side)} was removed.");
            return;
        }
        if (before is null)
        {
            context.Add(after.Prefix + "_ADDED", after.Source.Path, $"{name} {after.Describe(side)} was added.");
            return;
        }
        var order = after.Value.CompareTo(before.Value);
        if (order == 0 && before.Exclusive == after.Exclusive) return;
        // Upper bound: a larger value, or the same value made inclusive, accepts more. Lower bound: the mirror image.
        var looser = side == BoundSide.Upper ? order > 0 || (order == 0 && before.Exclusive) : order < 0 || (order == 0 && before.Exclusive);
        var raised = order != 0 ? order > 0 : side == BoundSide.Upper ? looser : !looser;
        var suffix = raised ? "_INCREASED" : "_DECREASED";
        context.Add(after.Prefix + suffix, after.Source.Path,
            $"{name} changed from {before.Describe(side)} to {after.Describe(side)}: " + (looser ? "more values fit." : "some old values no longer fit."));
    }

    /// <summary>The tightest bound the schema's keywords of this row put on the side.</summary>
    private static Bound? Effective(EffectiveSchema schema, BoundRow row)
    {
        Bound? tightest = null;
        foreach (var keyword in schema.All(row.Keyword))
        {
            if (keyword.Value.ValueKind != JsonValueKind.Number) continue;
            // Draft 4 spells an exclusive bound as the bound plus a boolean flag beside it.
            var exclusive = keyword.Origin.Draft == JsonSchemaDraft.Draft4 && row.ExclusiveKeyword is not null
                && keyword.Origin.TryGet(row.ExclusiveKeyword, out var flag) && flag.ValueKind == JsonValueKind.True;
            tightest = Tighter(tightest, new Bound(Number.Of(keyword.Value), exclusive, keyword, exclusive ? row.ExclusivePrefix! : row.Prefix), row.Side);
        }
        if (row.ExclusiveKeyword is not null)
        {
            foreach (var keyword in schema.All(row.ExclusiveKeyword))
            {
                if (keyword.Value.ValueKind != JsonValueKind.Number) continue;
                tightest = Tighter(tightest, new Bound(Number.Of(keyword.Value), true, keyword, row.ExclusivePrefix!), row.Side);
            }
        }
        return tightest;
    }

    private static Bound Tighter(Bound? current, Bound candidate, BoundSide side)
    {
        if (current is null) return candidate;
        var order = candidate.Value.CompareTo(current.Value);
        if (order == 0) return candidate.Exclusive && !current.Exclusive ? candidate : current;
        return side == BoundSide.Upper ? order < 0 ? candidate : current : order > 0 ? candidate : current;
    }

    private static Bound? ToInteger(Bound? bound, BoundSide side)
    {
        if (bound?.Value.Exact is not { } value) return bound;
        var integral = side == BoundSide.Upper
            ? bound.Exclusive ? decimal.Ceiling(value) - 1 : decimal.Floor(value)
            : bound.Exclusive ? decimal.Floor(value) + 1 : decimal.Ceiling(value);
        return bound with { Value = Number.Of(integral), Exclusive = false };
    }
}
