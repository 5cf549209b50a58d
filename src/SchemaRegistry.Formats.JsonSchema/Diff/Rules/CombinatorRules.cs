using SchemaRegistry.Core.Formats;
using SchemaRegistry.Formats.JsonSchema.Model;

namespace SchemaRegistry.Formats.JsonSchema.Diff.Rules;

/// <summary>
/// <c>anyOf</c>, <c>oneOf</c> and the allOf branches that could not be merged. Alternatives are matched regardless of
/// order: every old alternative must be accepted by some new one (a maximum bipartite matching pairs them up for the
/// report). A <c>oneOf</c> refuses values matching two alternatives, so a changed <c>oneOf</c> is only treated like an
/// <c>anyOf</c> when its alternatives are provably exclusive; otherwise only a reordering is accepted.
/// </summary>
internal static class CombinatorRules
{
    private sealed record Group(KeywordValue Source, bool IsOneOf, IReadOnlyList<SchemaNode> Nodes, IReadOnlyList<EffectiveSchema> Branches);

    public static void Compare(DiffContext context, Pair pair)
    {
        CompareResidualAllOf(context, pair);
        if (!pair.Old.Has("anyOf") && !pair.Old.Has("oneOf") && !pair.New.Has("anyOf") && !pair.New.Has("oneOf")) return;
        var oldGroups = Groups(context, pair.Old);
        var used = new HashSet<Group>();
        foreach (var group in Groups(context, pair.New)) CompareGroup(context, pair, group, oldGroups, used);
        foreach (var group in oldGroups.Where(g => !used.Contains(g)))
            context.Add(ChangeKinds.SumTypeRemoved, group.Source.Path, $"{group.Source.Keyword} was removed.");
    }

    /// <summary>Each unmerged allOf branch of the new schema must hold for every old value.</summary>
    private static void CompareResidualAllOf(DiffContext context, Pair pair)
    {
        foreach (var branch in pair.New.Residual)
        {
            var trial = SchemaComparer.Trial(context, pair.Old, context.Effective(branch));
            if (!trial.HasBreaking) continue;
            context.AbsorbBreaking(trial);
            context.Add(ChangeKinds.ProductTypeExtended, branch.ReportPath, "This allOf branch refuses values the old schema accepted.");
        }
    }

    private static List<Group> Groups(DiffContext context, EffectiveSchema schema) =>
    [
        .. schema.All("anyOf").Concat(schema.All("oneOf")).Select(k =>
        {
            var nodes = k.Schemas();
            return new Group(k, k.Keyword == "oneOf", nodes, [.. nodes.Select(context.Effective)]);
        }),
    ];

    private static void CompareGroup(DiffContext context, Pair pair, Group group, List<Group> oldGroups, HashSet<Group> used)
    {
        if (group.IsOneOf && !IsExclusive(context, group, pair.OldTypes & Declared(pair.New)))
        {
            var same = oldGroups.Find(o => o.IsOneOf && !used.Contains(o) && IsReordering(context, o, group));
            if (same is not null)
            {
                used.Add(same);
                return;
            }
            var replaced = oldGroups.Find(o => !used.Contains(o));
            if (replaced is not null) used.Add(replaced);
            if (replaced is { IsOneOf: false })
                context.Add(ChangeKinds.CombinedTypeChanged, group.Source.Path,
                    "anyOf became oneOf and its alternatives are not provably exclusive: an old value matching more than one of them is refused.");
            else
                context.Add(ChangeKinds.OneOfBranchesMayOverlap, group.Source.Path,
                    "oneOf changed and its alternatives are not provably exclusive: an old value matching more than one of them is refused.");
            return;
        }

        var candidates = oldGroups.Where(o => !used.Contains(o)).OrderBy(o => o.IsOneOf == group.IsOneOf ? 0 : 1).ToList();
        foreach (var old in candidates)
        {
            var cover = Cover.Compute(context, pair, old, group);
            if (!cover.IsComplete) continue;
            used.Add(old);
            cover.Report(context);
            if (old.IsOneOf && !group.IsOneOf)
                context.Add(ChangeKinds.CombinedTypeExtended, group.Source.Path, "oneOf became anyOf: values matching several alternatives are accepted now.");
            return;
        }
        if (candidates.Count > 0)
        {
            used.Add(candidates[0]);
            Cover.Compute(context, pair, candidates[0], group).Report(context);
            return;
        }

        // A new anyOf/oneOf: the old schema as a whole must fit one alternative.
        DiffContext? best = null;
        for (var i = 0; i < group.Branches.Count; i++)
        {
            var trial = SchemaComparer.Trial(context, pair.Old, group.Branches[i]);
            if (!trial.HasBreaking)
            {
                context.Add(ChangeKinds.SumTypeExtended, group.Source.Path, $"{group.Source.Keyword} was added; the old schema is its alternative {i}.");
                return;
            }
            if (best is null || Breaking(trial) < Breaking(best)) best = trial;
        }
        if (best is not null) context.AbsorbBreaking(best);
        context.Add(ChangeKinds.SumTypeAdded, group.Source.Path, $"{group.Source.Keyword} was added and the old schema fits none of its alternatives.");
    }

    /// <summary>
    /// True when the oneOf cannot match an old value twice: every pair of alternatives is provably disjoint over the
    /// types old values can have and the rest of the new schema lets through.
    /// </summary>
    private static bool IsExclusive(DiffContext context, Group group, JsonTypes among)
    {
        for (var i = 0; i < group.Branches.Count; i++)
        {
            for (var j = i + 1; j < group.Branches.Count; j++)
            {
                if (!Disjointness.AreDisjoint(context, group.Branches[i], group.Branches[j], among)) return false;
            }
        }
        return true;
    }

    private static JsonTypes Declared(EffectiveSchema schema)
    {
        var types = JsonTypes.All;
        foreach (var type in schema.All("type")) types &= JsonTypeSets.FromTypeKeyword(type.Value);
        return types;
    }

    /// <summary>True when the new oneOf has the same alternatives as the old one, in any order (annotations aside).</summary>
    private static bool IsReordering(DiffContext context, Group older, Group newer)
    {
        if (older.Branches.Count != newer.Branches.Count) return false;
        var edges = older.Branches.Select(o => (IReadOnlyList<int>)[.. Enumerable.Range(0, newer.Branches.Count)
            .Where(i => SchemaComparer.AreEquivalent(context, o, newer.Branches[i]))]).ToList();
        var match = BipartiteMatching.Match(edges, newer.Branches.Count);
        if (match.Any(m => m < 0)) return false;
        for (var j = 0; j < match.Length; j++) SchemaComparer.Compare(context, older.Branches[j], newer.Branches[match[j]]);
        return true;
    }

    private static int Breaking(DiffContext trial) => trial.Changes.Count(c => c.Impact == ChangeImpact.Breaking);

    /// <summary>Which new alternatives accept each old alternative, and the matching used to report it.</summary>
    private sealed class Cover
    {
        private readonly Group _old;
        private readonly Group _new;
        private readonly DiffContext[,] _trials;
        private readonly bool[,] _accepted;
        private readonly bool[,] _plain;

        private Cover(Group older, Group newer)
        {
            _old = older;
            _new = newer;
            _trials = new DiffContext[older.Branches.Count, newer.Branches.Count];
            _accepted = new bool[older.Branches.Count, newer.Branches.Count];
            _plain = new bool[older.Branches.Count, newer.Branches.Count];
        }

        public bool IsComplete { get; private set; }

        public static Cover Compute(DiffContext context, Pair pair, Group older, Group newer)
        {
            var cover = new Cover(older, newer);
            var complete = true;
            for (var j = 0; j < older.Branches.Count; j++)
            {
                var any = false;
                for (var i = 0; i < newer.Branches.Count; i++)
                {
                    var trial = SchemaComparer.Trial(context, older.Branches[j], newer.Branches[i]);
                    cover._trials[j, i] = trial;
                    cover._plain[j, i] = !trial.HasBreaking;
                    // An alternative may rely on the rest of the old schema (a sibling type, say): check it in context,
                    // when there is a context (without one the check repeats the plain one, at exponential cost in
                    // nested alternatives).
                    cover._accepted[j, i] = cover._plain[j, i] || pair.Old.HasAssertionsBesidesAlternatives && SchemaComparer.Accepts(context,
                        EffectiveSchema.Conjunction([.. pair.Old.Sources, older.Nodes[j]], inPlace: true), newer.Branches[i]);
                    any |= cover._accepted[j, i];
                }
                complete &= any;
            }
            cover.IsComplete = complete;
            return cover;
        }

        public void Report(DiffContext context)
        {
            int oldCount = _old.Branches.Count, newCount = _new.Branches.Count;
            var edges = new List<IReadOnlyList<int>>();
            for (var j = 0; j < oldCount; j++)
            {
                var row = j;
                edges.Add([.. Enumerable.Range(0, newCount).Where(i => _accepted[row, i])
                    .OrderBy(i => _trials[row, i].HasStructural ? 1 : 0).ThenBy(i => i == row ? 0 : 1)]);
            }
            var match = BipartiteMatching.Match(edges, newCount);
            var matchedNew = new HashSet<int>(match.Where(m => m >= 0));
            for (var j = 0; j < oldCount; j++)
            {
                if (match[j] >= 0)
                {
                    ReportPair(context, j, match[j]);
                    continue;
                }
                if (edges[j].Count > 0) continue;
                // Not accepted anywhere: explain against the closest unmatched new alternative, if any.
                var free = Enumerable.Range(0, newCount).Where(i => !matchedNew.Contains(i))
                    .OrderBy(i => Breaking(_trials[j, i])).ThenBy(i => i == j ? 0 : 1).ToList();
                if (free.Count > 0)
                {
                    matchedNew.Add(free[0]);
                    context.AbsorbBreaking(_trials[j, free[0]]);
                    context.Add(ChangeKinds.CombinedTypeSubschemasChanged, _new.Nodes[free[0]].ReportPath,
                        $"This alternative replaced {_old.Nodes[j].ReportPath} and refuses some of its old values; no other alternative accepts them.");
                }
                else
                {
                    context.Add(ChangeKinds.SumTypeNarrowed, _old.Nodes[j].ReportPath, "This old alternative is accepted by no new alternative.");
                }
            }
            for (var i = 0; i < newCount; i++)
            {
                if (!matchedNew.Contains(i)) context.Add(ChangeKinds.SumTypeExtended, _new.Nodes[i].ReportPath, $"Alternative {i} was added to {_new.Source.Keyword}.");
            }
        }

        private void ReportPair(DiffContext context, int j, int i)
        {
            var trial = _trials[j, i];
            if (_plain[j, i])
            {
                context.Absorb(trial);
                return;
            }
            foreach (var change in trial.Changes)
            {
                if (change.Impact != ChangeImpact.Breaking) context.Add(change);
                else context.Add(ChangeKinds.RedundantConstraintAdded, change.Path, $"{change.Kind}: {change.Message} The rest of the old schema already guaranteed it.");
            }
        }
    }
}
