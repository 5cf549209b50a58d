using SchemaRegistry.Core.Formats;
using SchemaRegistry.Formats.JsonSchema.Model;

namespace SchemaRegistry.Formats.JsonSchema.Diff.Rules;

/// <summary>
/// <c>not</c> is contravariant: the new schema keeps every old value when its not-subschema accepts no more than the
/// old one did (so the inner comparison runs with the roles swapped), or when it excludes nothing the old schema
/// accepted at all (provably disjoint).
/// </summary>
internal static class NotRules
{
    public static void Compare(DiffContext context, Pair pair)
    {
        var before = pair.Old.All("not");
        if (before.Count == 0 && !pair.New.Has("not")) return;
        var used = new HashSet<KeywordValue>();
        foreach (var after in pair.New.All("not"))
        {
            var excluded = context.Effective(after.Schema());
            DiffContext? closest = null;
            var matched = false;
            foreach (var old in before.Where(b => !used.Contains(b)))
            {
                var swapped = SchemaComparer.Trial(context, excluded, context.Effective(old.Schema()));
                closest ??= swapped;
                if (swapped.HasBreaking) continue;
                used.Add(old);
                matched = true;
                if (swapped.HasStructural)
                    context.Add(ChangeKinds.NotTypeNarrowed, after.Path, $"The not subschema excludes less ({Summary(swapped)}), so more values are accepted.");
                break;
            }
            if (matched) continue;
            if (Disjointness.AreDisjoint(context, pair.Old, excluded))
            {
                context.Add(ChangeKinds.RedundantConstraintAdded, after.Path, "not excludes values the old schema never accepted.");
                continue;
            }
            if (before.Count == 0 || closest is null)
            {
                context.Add(ChangeKinds.NotAdded, after.Path, "not was added: values matching it are refused.");
                continue;
            }
            if (before.FirstOrDefault(b => !used.Contains(b)) is { } replaced) used.Add(replaced);
            context.Add(ChangeKinds.NotTypeExtended, after.Path, $"The not subschema excludes more ({Summary(closest)}), so some old values are refused.");
        }
        foreach (var old in before.Where(b => !used.Contains(b)))
            context.Add(ChangeKinds.NotRemoved, old.Path, "not was removed.");
    }

    private static string Summary(DiffContext swapped) =>
        string.Join(", ", swapped.Changes.Where(c => c.Impact != ChangeImpact.Annotation).Select(c => $"{c.Kind} at {c.Path}").Distinct().Take(3));
}
