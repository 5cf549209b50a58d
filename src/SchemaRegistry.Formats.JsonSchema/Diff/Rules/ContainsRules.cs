using System.Text.Json;
using SchemaRegistry.Formats.JsonSchema.Model;

namespace SchemaRegistry.Formats.JsonSchema.Diff.Rules;

/// <summary>
/// <c>contains</c> with <c>minContains</c>/<c>maxContains</c>. "At least m items match C" survives a looser C and a
/// smaller m; "at most M items match C" survives a larger M only if C itself did not change (a wider C could count
/// more old items), so with <c>maxContains</c> the contains schema must stay equivalent.
/// </summary>
internal static class ContainsRules
{
    public static void Compare(DiffContext context, Pair pair)
    {
        var before = Read(pair.Old);
        var after = Read(pair.New);
        if (before is null && after is null) return;
        if (after is null || (after.Min == 0 && after.MaxKeyword is null))
        {
            if (before is not null && (before.Min > 0 || before.MaxKeyword is not null))
                context.Add(ChangeKinds.ContainsRemoved, before.Source.Path, "contains was removed.");
            return;
        }
        if (before is null)
        {
            context.Add(ChangeKinds.ContainsAdded, after.Source.Path, "contains was added: arrays without a matching item are refused.");
            return;
        }
        if (after.Min > 0) SchemaComparer.CompareMember(context, context.Effective(before.Source.Schema()), context.Effective(after.Source.Schema()));
        CompareMinimum(context, before, after);
        if (after.MaxKeyword is null)
        {
            if (before.MaxKeyword is not null) context.Add(ChangeKinds.MaxContainsRemoved, before.MaxKeyword.Path, "maxContains was removed.");
            return;
        }
        if (before.MaxKeyword is null)
        {
            context.Add(ChangeKinds.MaxContainsAdded, after.MaxKeyword.Path, $"maxContains {after.Max} was added.");
            return;
        }
        context.State.InstanceDepth++;
        bool equivalent;
        try
        {
            equivalent = SchemaComparer.AreEquivalent(context, context.Effective(before.Source.Schema()), context.Effective(after.Source.Schema()));
        }
        finally
        {
            context.State.InstanceDepth--;
        }
        if (!equivalent)
            context.Add(ChangeKinds.ContainsChanged, after.Source.Path, "contains changed while maxContains applies: old arrays may now have too many matching items.");
        BoundsRules.CompareBounds(context, BoundSide.Upper, "maxContains",
            Bound(before.Max!.Value, before.MaxKeyword, before.Source, "MAX_CONTAINS"), Bound(after.Max!.Value, after.MaxKeyword, after.Source, "MAX_CONTAINS"));
    }

    /// <summary>minContains defaults to 1, so adding or removing it is judged by the value it replaces.</summary>
    private static void CompareMinimum(DiffContext context, Contains before, Contains after)
    {
        if (before.Min == after.Min) return;
        var stricter = after.Min > before.Min;
        var kind = (before.MinKeyword, after.MinKeyword) switch
        {
            (null, not null) when stricter => ChangeKinds.MinContainsAdded,
            (not null, null) when !stricter => ChangeKinds.MinContainsRemoved,
            _ => stricter ? ChangeKinds.MinContainsIncreased : ChangeKinds.MinContainsDecreased,
        };
        var at = after.MinKeyword ?? before.MinKeyword ?? after.Source;
        context.Add(kind, at.Path, $"minContains changed from {before.Min} to {after.Min}: " + (stricter ? "old arrays with fewer matching items are refused." : "fewer matching items are needed."));
    }

    private sealed record Contains(KeywordValue Source, decimal Min, KeywordValue? MinKeyword, decimal? Max, KeywordValue? MaxKeyword);

    private static Contains? Read(EffectiveSchema schema)
    {
        var contains = schema.First("contains");
        if (contains is null) return null;
        var min = Integer(contains.Origin, "minContains");
        var max = Integer(contains.Origin, "maxContains");
        return new Contains(contains, min?.Value ?? 1, min?.Keyword, max?.Value, max?.Keyword);
    }

    private static (decimal Value, KeywordValue Keyword)? Integer(SchemaNode node, string keyword) =>
        node.TryGet(keyword, out var value) && value.ValueKind == JsonValueKind.Number && Number.Of(value).Exact is { } exact
            ? (exact, new KeywordValue(keyword, value, node))
            : null;

    private static Bound Bound(decimal value, KeywordValue? keyword, KeywordValue contains, string prefix) =>
        new(Number.Of(value), false, keyword ?? contains, prefix);
}
