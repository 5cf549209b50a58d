using System.Text.Json;
using SchemaRegistry.Formats.JsonSchema.Model;

namespace SchemaRegistry.Formats.JsonSchema.Diff.Rules;

/// <summary>
/// <c>multipleOf</c>: every old value is a multiple of the old divisor, so a new divisor keeps them all exactly when it
/// divides the old one (10 to 5 is fine, 10 to 4 is not). Over integers, a divisor of 1 refuses nothing.
/// </summary>
internal static class MultipleOfRules
{
    public static void Compare(DiffContext context, Pair pair)
    {
        if (!pair.Old.Has("multipleOf") && !pair.New.Has("multipleOf")) return;
        var before = Divisors(pair.Old);
        var after = Divisors(pair.New);
        if (before.Count == 0 && after.Count == 0) return;
        if (after.Count == 0)
        {
            context.Add(ChangeKinds.MultipleOfRemoved, before[0].Source.Path, $"multipleOf {before[0].Value} was removed.");
            return;
        }
        foreach (var (value, source) in after)
        {
            if (before.Exists(b => b.Value.CompareTo(value) == 0)) continue;
            var divides = before.Find(b => b.Value.IsMultipleOf(value));
            if (divides.Source is not null)
            {
                context.Add(ChangeKinds.MultipleOfReduced, source.Path, $"multipleOf changed from {divides.Value} to {value}, which divides it: every old value still fits.");
                continue;
            }
            if (pair.OldTypes.IsSubsetOf(JsonTypes.Integer) && Number.Of(1m).IsMultipleOf(value))
            {
                context.Add(ChangeKinds.RedundantConstraintAdded, source.Path, $"multipleOf {value} refuses no integer.");
                continue;
            }
            if (before.Count == 0)
            {
                context.Add(ChangeKinds.MultipleOfAdded, source.Path, $"multipleOf {value} was added.");
                continue;
            }
            var old = before[0].Value;
            context.Add(value > old ? ChangeKinds.MultipleOfExpanded : ChangeKinds.MultipleOfChanged, source.Path,
                $"multipleOf changed from {old} to {value}, which does not divide it: some old values no longer fit.");
        }
    }

    private static List<(Number Value, KeywordValue Source)> Divisors(EffectiveSchema schema) =>
        [.. schema.All("multipleOf").Where(k => k.Value.ValueKind == JsonValueKind.Number).Select(k => (Number.Of(k.Value), k))];
}
