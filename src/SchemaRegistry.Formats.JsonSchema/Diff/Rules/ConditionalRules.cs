using SchemaRegistry.Core.Formats;
using SchemaRegistry.Formats.JsonSchema.Model;

namespace SchemaRegistry.Formats.JsonSchema.Diff.Rules;

/// <summary>
/// <c>if</c>/<c>then</c>/<c>else</c>. With an equivalent condition each branch is compared on its own; a branch
/// constraint that looks stricter is accepted when the rest of the old schema already guaranteed it (the branch is
/// compared merged with its schema). A changed condition moves values between branches, so it breaks unless both new
/// branches accept every old value.
/// </summary>
internal static class ConditionalRules
{
    public static void Compare(DiffContext context, Pair pair)
    {
        var oldIf = pair.Old.First("if");
        var newIf = pair.New.First("if");
        if (newIf is null)
        {
            if (oldIf is not null && (Branch(oldIf, "then") ?? Branch(oldIf, "else")) is not null)
                context.Add(ChangeKinds.ConditionalRemoved, oldIf.Path, "if/then/else was removed.");
            return;
        }
        var newThen = Branch(newIf, "then");
        var newElse = Branch(newIf, "else");
        if (oldIf is not null && SchemaComparer.AreEquivalent(context, context.Effective(oldIf.Schema()), context.Effective(newIf.Schema())))
        {
            CompareBranch(context, pair, Branch(oldIf, "then"), newThen);
            CompareBranch(context, pair, Branch(oldIf, "else"), newElse);
            return;
        }
        var thenHolds = newThen is null || SchemaComparer.Accepts(context, pair.Old, context.Effective(newThen));
        var elseHolds = newElse is null || SchemaComparer.Accepts(context, pair.Old, context.Effective(newElse));
        if (thenHolds && elseHolds)
            context.Add(ChangeKinds.RedundantConstraintAdded, newIf.Path, "The condition changed, but both new branches accept every old value.");
        else if (oldIf is not null)
            context.Add(ChangeKinds.ConditionChanged, newIf.Path, "The if condition changed: old values may now be checked against the other branch.");
        else if (newThen is not null || newElse is not null)
            context.Add(ChangeKinds.ConditionalAdded, newIf.Path, "if/then/else was added: some old values are refused by its branches.");
    }

    private static SchemaNode? Branch(KeywordValue condition, string keyword) =>
        condition.Origin.TryGet(keyword, out _) ? condition.Origin.Child(keyword) : null;

    private static void CompareBranch(DiffContext context, Pair pair, SchemaNode? before, SchemaNode? after)
    {
        if (after is null)
        {
            if (before is not null && !context.Effective(before).AcceptsEverything)
                context.Add(ChangeKinds.SchemaRemoved, before.ReportPath, "This branch was removed.");
            return;
        }
        var newer = context.Effective(after);
        if (before is null)
        {
            if (newer.AcceptsEverything) return;
            if (SchemaComparer.Accepts(context, pair.Old, newer))
                context.Add(ChangeKinds.RedundantConstraintAdded, after.ReportPath, "This branch was added, but every old value already satisfies it.");
            else
                context.Add(ChangeKinds.SchemaAdded, after.ReportPath, "This branch was added and refuses some old values.");
            return;
        }
        var plain = SchemaComparer.Trial(context, context.Effective(before), newer);
        if (!plain.HasBreaking)
        {
            context.Absorb(plain);
            return;
        }
        var contextual = SchemaComparer.Trial(context, EffectiveSchema.Conjunction([.. pair.Old.Sources, before], inPlace: true), newer);
        if (contextual.HasBreaking)
        {
            context.Absorb(plain);
            return;
        }
        foreach (var change in plain.Changes)
        {
            if (change.Impact != ChangeImpact.Breaking) context.Add(change);
            else context.Add(ChangeKinds.RedundantConstraintAdded, change.Path, $"{change.Kind}: {change.Message} The rest of the old schema already guaranteed it.");
        }
    }
}
