using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using SchemaRegistry.Core.Formats;
using SchemaRegistry.Formats.JsonSchema.Model;
using SchemaRegistry.Formats.JsonSchema.Support;

namespace SchemaRegistry.Formats.JsonSchema.Diff;

/// <summary>
/// Collects the changes of one comparison. A context can be forked to try a comparison (is this old alternative
/// accepted by that new one?) without committing its findings; forks share the state that must be global to the
/// whole diff: the recursion guard, the memo, the work budget and the caches.
/// </summary>
internal sealed class DiffContext
{
    // Most contexts (forks tried and dropped, comparisons of equal subschemas) never record anything: the list is
    // made on the first change.
    private List<SchemaChange>? _changes;
    private int _breaking;
    private int _structural;

    private DiffContext(DiffState state) => State = state;

    /// <summary>A context for a new diff.</summary>
    public static DiffContext Start(bool assertFormat, int budget, bool breakingOnly = false) => new(new DiffState(assertFormat, budget) { BreakingOnly = breakingOnly });

    /// <summary>State shared by all forks.</summary>
    public DiffState State { get; }

    /// <summary>The changes recorded here.</summary>
    public IReadOnlyList<SchemaChange> Changes => (IReadOnlyList<SchemaChange>?)_changes ?? [];

    /// <summary>True when a recorded change breaks readers.</summary>
    public bool HasBreaking => _breaking > 0;

    /// <summary>True when a recorded change is structural (breaking or compatible).</summary>
    public bool HasStructural => _structural > 0;

    /// <summary>Records a change; its impact comes from the catalogue.</summary>
    public void Add(string kind, string path, string message) =>
        Record(new SchemaChange(kind, path, message, ChangeKinds.Info(kind).Impact));

    /// <summary>
    /// Records a change whose message is formatted only when it will be read: in a breaking-only diff a change that
    /// does not break is kept without its message (see <see cref="DiffState.BreakingOnly"/>).
    /// </summary>
    public void Add(string kind, string path, [InterpolatedStringHandlerArgument("", "kind")] ref ChangeMessage message) =>
        Record(new SchemaChange(kind, path, message.ToStringAndClear(), message.Impact));

    /// <summary>True when a change of this impact keeps its message here.</summary>
    internal bool WritesMessage(ChangeImpact impact) => !State.BreakingOnly || impact == ChangeImpact.Breaking;

    /// <summary>Records a change found elsewhere.</summary>
    public void Add(SchemaChange change) => Record(change);

    /// <summary>Records changes found elsewhere.</summary>
    public void AddRange(IReadOnlyList<SchemaChange> changes)
    {
        if (changes.Count == 0) return;
        (_changes ??= new List<SchemaChange>(changes.Count)).EnsureCapacity(_changes.Count + changes.Count);
        foreach (var change in changes) Record(change);
    }

    /// <summary>A context whose changes stay apart until <see cref="Absorb"/>.</summary>
    public DiffContext Fork() => new(State);

    /// <summary>Takes over the changes of a fork.</summary>
    public void Absorb(DiffContext fork)
    {
        if (fork._changes is { } changes) AddRange(changes);
    }

    /// <summary>Takes over only the breaking changes of a fork (the explanation of a refusal, without its noise).</summary>
    public void AbsorbBreaking(DiffContext fork)
    {
        if (fork._changes is null) return;
        foreach (var change in fork._changes)
        {
            if (change.Impact == ChangeImpact.Breaking) Record(change);
        }
    }

    private void Record(SchemaChange change)
    {
        (_changes ??= []).Add(change);
        if (change.Impact == ChangeImpact.Breaking) _breaking++;
        if (change.Impact != ChangeImpact.Annotation) _structural++;
    }

    /// <summary>
    /// The effective form of a subschema, built once per diff; for a node of the schema's own document, once for the
    /// life of the parsed schema (it does not depend on how the node was reached, see <see cref="SchemaNode.IsCanonical"/>).
    /// </summary>
    public EffectiveSchema Effective(SchemaNode node)
    {
        if (node.SharedEffective is { } shared) return shared;
        if (!State.Effective.TryGetValue(node.Key, out var schema)) State.Effective[node.Key] = schema = EffectiveSchema.Of(node);
        return schema;
    }

    /// <summary>The types a schema can accept (an over-approximation), computed once per schema.</summary>
    public JsonTypes TypesOf(EffectiveSchema schema)
    {
        if (schema.CachedTypes is { } known) return known;
        if (!State.Types.TryGetValue(schema.Key, out var types))
        {
            State.Types[schema.Key] = types = TypeInference.Of(schema, this, depth: 3);
            // A pure function of the schema: kept on it for the next diff too (the shared ones outlive this diff).
            schema.CacheTypes(types);
        }
        return types;
    }

    /// <summary>The regex of a pattern (null when it does not compile), built once per diff.</summary>
    public Regex? RegexOf(string pattern)
    {
        if (State.Regexes.TryGetValue(pattern, out var regex)) return regex;
        try
        {
            regex = EcmaRegex.Create(pattern, RegexOptions.None, TimeSpan.FromMilliseconds(100));
        }
        catch (ArgumentException)
        {
            regex = null;
        }
        State.Regexes[pattern] = regex;
        return regex;
    }

    /// <summary>
    /// True when a property name matches a pattern. A match that cannot be decided (timeout, invalid regex) counts as a
    /// match: the name is then constrained on both sides, the conservative reading.
    /// </summary>
    public bool Matches(string pattern, string name)
    {
        var regex = RegexOf(pattern);
        if (regex is null) return true;
        try
        {
            return regex.IsMatch(name);
        }
        catch (RegexMatchTimeoutException)
        {
            return true;
        }
    }
}

/// <summary>The state shared by every fork of one diff.</summary>
internal sealed class DiffState(bool assertFormat, int budget)
{
    /// <summary>True when <c>format</c> is asserted (so format changes are structural).</summary>
    public bool AssertFormat { get; } = assertFormat;

    /// <summary>Comparisons left before the diff gives up and reports <see cref="ChangeKinds.ComparisonTooComplex"/>.</summary>
    public int Budget { get; set; } = budget;

    /// <summary>True once the budget ran out.</summary>
    public bool BudgetExceeded { get; set; }

    /// <summary>
    /// Pairs being compared, with their comparison depth and instance depth. Meeting one again deeper in the instance
    /// is a recursive schema, assumed compatible; meeting it at the same instance depth is reasoning going in circles,
    /// which proves nothing.
    /// </summary>
    public Dictionary<PairKey, (int Depth, int InstanceDepth)> InProgress { get; } = new(PairKey.Comparer);

    /// <summary>How many instance levels (property, item, decoded content...) the comparison has descended.</summary>
    public int InstanceDepth { get; set; }

    /// <summary>Finished comparisons whose result does not rest on an assumption made further up.</summary>
    public Dictionary<PairKey, IReadOnlyList<SchemaChange>> Memo { get; } = new(PairKey.Comparer);

    /// <summary>True while the old schema's alternatives are being tried one by one.</summary>
    public bool InDisjunctionFallback { get; set; }

    /// <summary>
    /// True when only the breaking changes of this diff will be read (a compatibility check against a version other
    /// than the latest). The other changes are still recorded, with their kind and path, because rules count them
    /// (<see cref="DiffContext.HasStructural"/>) and memoized results replay them; only their messages, the costly part
    /// and never read, are left empty. Rules read messages of breaking changes alone, so the breaking changes come out
    /// exactly as in the full diff.
    /// </summary>
    public bool BreakingOnly { get; init; }

    /// <summary>Current comparison depth.</summary>
    public int Depth { get; set; }

    /// <summary>The shallowest in-progress pair a recursion was cut at, within the current comparison.</summary>
    public int LowestAssumption { get; set; } = int.MaxValue;

    /// <summary>Effective schemas by node key.</summary>
    public Dictionary<string, EffectiveSchema> Effective => _effective ??= new(StringComparer.Ordinal);

    private Dictionary<string, EffectiveSchema>? _effective;

    /// <summary>Inferred types by effective schema key.</summary>
    public Dictionary<string, JsonTypes> Types => _types ??= new(StringComparer.Ordinal);

    private Dictionary<string, JsonTypes>? _types;

    /// <summary>Regexes by pattern.</summary>
    public Dictionary<string, Regex?> Regexes => _regexes ??= new(StringComparer.Ordinal);

    private Dictionary<string, Regex?>? _regexes;
}

/// <summary>
/// The identity of a compared pair: the two effective schemas' keys. It stands for their concatenation
/// <c>old + "|" + new</c> (equality and hash are those of that text, without building it), which is what the diff
/// has always used as the key of its memo and recursion guard. The hash is computed once, when the key is made: one
/// comparison looks its key up in the memo and the recursion guard up to five times.
/// </summary>
internal readonly struct PairKey
{
    public PairKey(string old, string @new)
    {
        Old = old;
        New = @new;
        // FNV-1a over the characters of old + "|" + new, one at a time, so that every split of one text hashes alike.
        var hash = 2166136261u;
        foreach (var c in old) hash = (hash ^ c) * 16777619u;
        hash = (hash ^ '|') * 16777619u;
        foreach (var c in @new) hash = (hash ^ c) * 16777619u;
        Hash = (int)hash;
    }

    /// <summary>The old schema's key.</summary>
    public string Old { get; }

    /// <summary>The new schema's key.</summary>
    public string New { get; }

    /// <summary>The hash of the concatenated text.</summary>
    public int Hash { get; }

    /// <summary>Compares keys as the concatenated text they stand for.</summary>
    public static IEqualityComparer<PairKey> Comparer { get; } = new ConcatenationComparer();

    private sealed class ConcatenationComparer : IEqualityComparer<PairKey>
    {
        public bool Equals(PairKey x, PairKey y)
        {
            if (x.Hash != y.Hash || x.Old.Length + x.New.Length != y.Old.Length + y.New.Length) return false;
            if (x.Old.Length == y.Old.Length) return string.Equals(x.Old, y.Old, StringComparison.Ordinal) && string.Equals(x.New, y.New, StringComparison.Ordinal);
            // Different splits of one text ("a|b" + "c" and "a" + "b|c") are the same key.
            return string.Equals(x.Old + "|" + x.New, y.Old + "|" + y.New, StringComparison.Ordinal);
        }

        public int GetHashCode(PairKey key) => key.Hash;
    }
}
