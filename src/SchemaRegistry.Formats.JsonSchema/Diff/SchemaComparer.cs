using SchemaRegistry.Core.Formats;
using SchemaRegistry.Formats.JsonSchema.Diff.Rules;
using SchemaRegistry.Formats.JsonSchema.Model;
using SchemaRegistry.Formats.JsonSchema.Support;

namespace SchemaRegistry.Formats.JsonSchema.Diff;

/// <summary>
/// Compares an old subschema (the writer's) with a new one (the reader's) and records every change. A schema is a
/// conjunction of keyword assertions, so each keyword family is compared by its own rule class; a change the rules
/// cannot prove harmless is reported as breaking, with a precise message (conservative, never optimistic).
/// </summary>
internal static class SchemaComparer
{
    /// <summary>
    /// Nested comparisons allowed: real schemas nest a few dozen levels; a crafted chain of thousands of alternatives
    /// must not exhaust the (large, see <see cref="Support.LargeStack"/>) stack the diff runs on.
    /// </summary>
    private const int MaxDepth = 5000;

    /// <summary>Compares two subschemas.</summary>
    public static void Compare(DiffContext context, SchemaNode older, SchemaNode newer) =>
        Compare(context, context.Effective(older), context.Effective(newer));

    /// <summary>
    /// Compares two effective schemas. Recursive schemas terminate: a pair met again while it is being compared is
    /// assumed compatible (the coinductive reading of recursive types); a result is memoized only when it does not
    /// rest on such an assumption made higher up.
    /// </summary>
    public static void Compare(DiffContext context, EffectiveSchema older, EffectiveSchema newer)
    {
        // Two JSON-identical leaves of one draft: every rule finds them equal and none compares deeper (see
        // IdenticalLeaves). Nothing is recorded, nothing recurses, and a leaf is never an ancestor of a comparison in
        // progress, so the memo and the budget have nothing to add: the most common pair of a diff (an unchanged
        // property) costs one comparison of two small JSON values.
        if (IdenticalLeaves(older, newer)) return;
        InlineStack.EnsureRoom();
        var state = context.State;
        var key = new PairKey(older.Key, newer.Key);
        if (state.Memo.TryGetValue(key, out var cached))
        {
            context.AddRange(cached);
            return;
        }
        if (state.InProgress.TryGetValue(key, out var active))
        {
            state.LowestAssumption = Math.Min(state.LowestAssumption, active.Depth);
            if (active.InstanceDepth == state.InstanceDepth)
                context.Add(ChangeKinds.ComparisonTooComplex, newer.Primary.ReportPath, "Proving these subschemas compatible depends on itself; compatibility is not proven.");
            return;
        }
        if (--state.Budget < 0 || state.Depth >= MaxDepth)
        {
            state.BudgetExceeded = true;
            context.Add(ChangeKinds.ComparisonTooComplex, newer.Primary.ReportPath, "The schemas are too intricate to compare within the work budget; compatibility is not proven.");
            return;
        }

        var myDepth = state.Depth++;
        state.InProgress[key] = (myDepth, state.InstanceDepth);
        var outerLowest = state.LowestAssumption;
        state.LowestAssumption = int.MaxValue;
        var local = context.Fork();
        try
        {
            CompareRules(local, older, newer);
        }
        finally
        {
            state.InProgress.Remove(key);
            state.Depth--;
        }
        var lowest = state.LowestAssumption;
        if (lowest >= myDepth && !state.BudgetExceeded) state.Memo[key] = local.Changes.Count == 0 ? [] : [.. local.Changes];
        state.LowestAssumption = Math.Min(outerLowest, lowest >= myDepth ? int.MaxValue : lowest);
        context.Absorb(local);
    }

    /// <summary>
    /// Compares the schemas of a member of the instance (a property value, an item, decoded content): the same as
    /// <see cref="Compare(DiffContext, EffectiveSchema, EffectiveSchema)"/>, one instance level down.
    /// </summary>
    public static void CompareMember(DiffContext context, EffectiveSchema older, EffectiveSchema newer)
    {
        context.State.InstanceDepth++;
        try
        {
            Compare(context, older, newer);
        }
        finally
        {
            context.State.InstanceDepth--;
        }
    }

    /// <summary><see cref="CompareMember(DiffContext, EffectiveSchema, EffectiveSchema)"/> in a fork, returned without recording anything here.</summary>
    public static DiffContext TrialMember(DiffContext context, EffectiveSchema older, EffectiveSchema newer)
    {
        var fork = context.Fork();
        CompareMember(fork, older, newer);
        return fork;
    }

    /// <summary>Compares in a fork and returns it, without recording anything here.</summary>
    public static DiffContext Trial(DiffContext context, EffectiveSchema older, EffectiveSchema newer)
    {
        var fork = context.Fork();
        Compare(fork, older, newer);
        return fork;
    }

    /// <summary>True when every value of <paramref name="older"/> is proven valid under <paramref name="newer"/>.</summary>
    public static bool Accepts(DiffContext context, EffectiveSchema older, EffectiveSchema newer) => !Trial(context, older, newer).HasBreaking;

    /// <summary>True when the two schemas are proven to accept the same values.</summary>
    public static bool AreEquivalent(DiffContext context, EffectiveSchema a, EffectiveSchema b) =>
        !Trial(context, a, b).HasStructural && !Trial(context, b, a).HasStructural;

    private static void CompareRules(DiffContext context, EffectiveSchema older, EffectiveSchema newer)
    {
        if (older.IsFalse || newer.IsFalse)
        {
            if (older.IsFalse && !newer.IsFalse)
                context.Add(ChangeKinds.SchemaFalseRemoved, newer.Primary.ReportPath, "The old schema here was false (it accepted nothing); the new one accepts values.");
            else if (newer.IsFalse && !older.IsFalse)
                context.Add(ChangeKinds.SchemaFalseAdded, newer.Primary.ReportPath, "The new schema here is false: it refuses every value the old one accepted.");
            return;
        }
        if (newer.UnresolvedReference is not null || older.UnresolvedReference is not null)
        {
            context.Add(ChangeKinds.ReferenceUnresolvable, newer.Primary.ReportPath, $"{newer.UnresolvedReference ?? older.UnresolvedReference}; nothing can be proven here.");
            return;
        }

        var pair = new Pair(older, newer, context.TypesOf(older));
        var local = context.Fork();
        AnnotationRules.Compare(local, pair);
        TypeRules.Compare(local, pair);
        EnumRules.Compare(local, pair);
        Gate(local, pair, JsonTypes.String);
        Gate(local, pair, JsonTypes.Number);
        Gate(local, pair, JsonTypes.Object);
        Gate(local, pair, JsonTypes.Array);
        CombinatorRules.Compare(local, pair);
        NotRules.Compare(local, pair);
        ConditionalRules.Compare(local, pair);

        if (local.HasBreaking && TryWeakerOldSchema(context, older, newer)) return;
        context.Absorb(local);
    }

    /// <summary>
    /// Runs the rules of a type family; when the old schema accepts no value of that family, nothing those rules find
    /// can break a reader, so breaking findings become <see cref="ChangeKinds.InapplicableKeywordChanged"/>.
    /// </summary>
    private static void Gate(DiffContext context, Pair pair, JsonTypes family)
    {
        if ((pair.OldTypes & family) != 0)
        {
            FamilyRules(context, pair, family);
            return;
        }
        var fork = context.Fork();
        FamilyRules(fork, pair, family);
        foreach (var change in fork.Changes)
        {
            if (change.Impact != ChangeImpact.Breaking) context.Add(change);
            else context.Add(ChangeKinds.InapplicableKeywordChanged, change.Path,
                $"{change.Kind}: {change.Message} No effect: the old schema accepts no {JsonTypeSets.Describe(family)}.");
        }
    }

    /// <summary>The rules of one type family.</summary>
    private static void FamilyRules(DiffContext context, Pair pair, JsonTypes family)
    {
        BoundsRules.Compare(context, pair, family);
        switch (family)
        {
            case JsonTypes.String:
                StringRules.Compare(context, pair);
                break;
            case JsonTypes.Number:
                MultipleOfRules.Compare(context, pair);
                break;
            case JsonTypes.Object:
                ObjectRules.Compare(context, pair);
                DependencyRules.Compare(context, pair);
                break;
            case JsonTypes.Array:
                ArrayRules.Compare(context, pair);
                ContainsRules.Compare(context, pair);
                break;
        }
    }

    /// <summary>
    /// True when comparing the two schemas can find nothing and compare nothing deeper: each is a single subschema of
    /// the same draft, reached without a reference, holding no subschema and no reference (<see cref="SchemaNode.IsLeaf"/>),
    /// and they are the same JSON (member for member, in order, numbers as written). Every rule then sees the same
    /// keywords with the same values on both sides: annotations, extensions, type, enum/const, bounds, patterns,
    /// formats, content keywords, required, dependentRequired and uniqueItems all compare equal, and the
    /// subschema-holding keywords that would compare deeper (properties, items, alternatives, not, if...) are absent.
    /// </summary>
    internal static bool IdenticalLeaves(EffectiveSchema older, EffectiveSchema newer)
    {
        if (older.Sources.Count != 1 || newer.Sources.Count != 1 || older.Residual.Count != 0 || newer.Residual.Count != 0) return false;
        if (older.ReachedThrough is not null || newer.ReachedThrough is not null || older.UnresolvedReference is not null || newer.UnresolvedReference is not null) return false;
        return IdenticalLeafNodes(older.Primary, newer.Primary);
    }

    /// <summary>
    /// <see cref="IdenticalLeaves"/> on two nodes, before any effective schema is built: the effective schema of a leaf
    /// is the leaf alone (no subschema to merge, no reference to follow), so this is the same test.
    /// </summary>
    internal static bool IdenticalLeafNodes(SchemaNode a, SchemaNode b)
    {
        if (a.Draft != b.Draft || !a.IsLeaf || !b.IsLeaf) return false;
        // The same bytes are the same JSON; texts that differ only in spacing are compared member by member.
        return System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(a.Element).SequenceEqual(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(b.Element))
            || JsonValues.AreIdentical(a.Element, b.Element);
    }

    /// <summary>
    /// The rules compare keyword by keyword; a constraint the old schema holds only inside an unmerged allOf branch or
    /// in every alternative of an anyOf is invisible to them. Each such branch alone is a superset of the old schema, so
    /// when one branch (or every alternative) is accepted, so is the old schema.
    /// </summary>
    private static bool TryWeakerOldSchema(DiffContext context, EffectiveSchema older, EffectiveSchema newer)
    {
        foreach (var branch in older.Residual)
        {
            var trial = Trial(context, context.Effective(branch), newer);
            if (trial.HasBreaking) continue;
            context.Absorb(trial);
            context.Add(ChangeKinds.ProductTypeNarrowed, branch.ReportPath, "This allOf branch of the old schema alone implies the new schema.");
            return true;
        }
        // One level only: a branch merged with the old schema still carries the alternatives, and retrying them
        // inside would multiply the work without proving more.
        if (context.State.InDisjunctionFallback) return false;
        foreach (var group in older.All("anyOf").Concat(older.All("oneOf")))
        {
            var branches = group.Schemas();
            if (branches.Count == 0) continue;
            // A branch already merged into the old schema adds nothing to try: that group cannot help.
            if (branches.Any(b => EffectiveSchema.Conjunction([.. older.Sources, b], inPlace: true).Key == older.Key)) continue;
            List<DiffContext> trials;
            context.State.InDisjunctionFallback = true;
            try
            {
                // Without other constraints the old schema is just the alternatives: each alone is the exact case.
                trials = [.. branches.Select(b => Trial(context,
                    older.HasAssertionsBesidesAlternatives ? EffectiveSchema.Conjunction([.. older.Sources, b], inPlace: true) : context.Effective(b),
                    newer))];
            }
            finally
            {
                context.State.InDisjunctionFallback = false;
            }
            if (trials.Any(t => t.HasBreaking)) continue;
            foreach (var trial in trials) context.Absorb(trial);
            return true;
        }
        return false;
    }
}

/// <summary>The two sides of one comparison.</summary>
/// <param name="Old">The writer's schema (previous version).</param>
/// <param name="New">The reader's schema (new version).</param>
/// <param name="OldTypes">The types the old schema can accept.</param>
internal sealed record Pair(EffectiveSchema Old, EffectiveSchema New, JsonTypes OldTypes);
