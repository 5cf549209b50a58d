using SchemaRegistry.Core.Formats;
using SchemaRegistry.Formats.JsonSchema.Model;
using SchemaRegistry.Formats.JsonSchema.Support;

namespace SchemaRegistry.Formats.JsonSchema.Diff;

/// <summary>Entry point of the JSON Schema diff.</summary>
internal static class SchemaDiff
{
    /// <summary>Comparisons allowed per diff: ample for real schemas, a bound for adversarial alternative nesting.</summary>
    private const int Budget = 50_000;

    /// <summary>
    /// Every change from <paramref name="previous"/> to <paramref name="current"/>, each once, in document order of
    /// discovery. Format changes are judged with the current schema's format setting.
    /// </summary>
    public static IReadOnlyList<SchemaChange> Compare(ParsedJsonSchema previous, ParsedJsonSchema current) => Compare(previous, current, Budget);

    /// <summary>The diff with an explicit work budget (tests use a tiny one).</summary>
    internal static IReadOnlyList<SchemaChange> Compare(ParsedJsonSchema previous, ParsedJsonSchema current, int budget) =>
        Run(previous, current, budget, breakingOnly: false);

    /// <summary>
    /// The breaking changes of <see cref="Compare(ParsedJsonSchema, ParsedJsonSchema)"/>, the same ones in the same
    /// order; the other changes are counted but their messages never written (see <see cref="DiffState.BreakingOnly"/>).
    /// </summary>
    public static IReadOnlyList<SchemaChange> CompareBreaking(ParsedJsonSchema previous, ParsedJsonSchema current) =>
        Run(previous, current, Budget, breakingOnly: true);

    private static List<SchemaChange> Run(ParsedJsonSchema previous, ParsedJsonSchema current, int budget, bool breakingOnly)
    {
        // The comparison recurses as deep as the schemas nest through their references. It runs on this thread when
        // it is an ordinary one, watching the stack (SchemaComparer.Compare calls InlineStack.EnsureRoom), and starts
        // over on the large stack in the rare case it runs short: the diff is a function of the two schemas alone.
        if (!LargeStack.OnLargeStack && LargeStack.OnOrdinaryThread
            && InlineStack.TryRun(() => CompareHere(previous, current, budget, breakingOnly), out var changes))
        {
            return changes;
        }
        return LargeStack.Run(() => CompareHere(previous, current, budget, breakingOnly));
    }

    private static List<SchemaChange> CompareHere(ParsedJsonSchema previous, ParsedJsonSchema current, int budget, bool breakingOnly)
    {
        var context = DiffContext.Start(current.Options.AssertFormat, budget, breakingOnly);
        SchemaComparer.Compare(context, SchemaNode.RootOf(previous.Documents), SchemaNode.RootOf(current.Documents));
        var changes = breakingOnly ? OnlyBreaking(context.Changes) : context.Changes;
        if (changes.Count <= 1) return [.. changes];
        var seen = new HashSet<SchemaChange>(changes.Count, SameFinding.Instance);
        var unique = new List<SchemaChange>(changes.Count);
        foreach (var change in changes)
        {
            if (seen.Add(change)) unique.Add(change);
        }
        return unique;
    }

    private static List<SchemaChange> OnlyBreaking(IReadOnlyList<SchemaChange> changes)
    {
        var breaking = new List<SchemaChange>();
        foreach (var change in changes)
        {
            if (change.Impact == ChangeImpact.Breaking) breaking.Add(change);
        }
        return breaking;
    }

    /// <summary>
    /// Two changes are the same finding when kind, path and message agree (the impact follows from the kind). The hash
    /// reads only kind and path: the message is the longest of the three, and findings that share a kind and a path
    /// but differ in message are rare, so hashing it would cost more than the collisions it avoids.
    /// </summary>
    private sealed class SameFinding : IEqualityComparer<SchemaChange>
    {
        public static readonly SameFinding Instance = new();

        public bool Equals(SchemaChange? x, SchemaChange? y) =>
            ReferenceEquals(x, y) || (x is not null && y is not null && string.Equals(x.Kind, y.Kind, StringComparison.Ordinal)
                && string.Equals(x.Path, y.Path, StringComparison.Ordinal) && string.Equals(x.Message, y.Message, StringComparison.Ordinal));

        public int GetHashCode(SchemaChange obj) => HashCode.Combine(obj.Kind.GetHashCode(StringComparison.Ordinal), obj.Path.GetHashCode(StringComparison.Ordinal));
    }
}
