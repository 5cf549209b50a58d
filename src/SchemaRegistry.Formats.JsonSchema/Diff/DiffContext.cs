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
    private readonly List<SchemaChange> _changes = [];

    private DiffContext(DiffState state) => State = state;

    /// <summary>A context for a new diff.</summary>
    public static DiffContext Start(bool assertFormat, int budget) => new(new DiffState(assertFormat, budget));

    /// <summary>State shared by all forks.</summary>
    public DiffState State { get; }

    /// <summary>The changes recorded here.</summary>
    public IReadOnlyList<SchemaChange> Changes => _changes;

    /// <summary>True when a recorded change breaks readers.</summary>
    public bool HasBreaking => _changes.Exists(c => c.Impact == ChangeImpact.Breaking);

    /// <summary>True when a recorded change is structural (breaking or compatible).</summary>
    public bool HasStructural => _changes.Exists(c => c.Impact != ChangeImpact.Annotation);

    /// <summary>Records a change; its impact comes from the catalogue.</summary>
    public void Add(string kind, string path, string message) =>
        _changes.Add(new SchemaChange(kind, path, message, ChangeKinds.Info(kind).Impact));

    /// <summary>Records changes found elsewhere.</summary>
    public void AddRange(IEnumerable<SchemaChange> changes) => _changes.AddRange(changes);

    /// <summary>A context whose changes stay apart until <see cref="Absorb"/>.</summary>
    public DiffContext Fork() => new(State);

    /// <summary>Takes over the changes of a fork.</summary>
    public void Absorb(DiffContext fork) => _changes.AddRange(fork._changes);

    /// <summary>Takes over only the breaking changes of a fork (the explanation of a refusal, without its noise).</summary>
    public void AbsorbBreaking(DiffContext fork) => _changes.AddRange(fork._changes.Where(c => c.Impact == ChangeImpact.Breaking));

    /// <summary>The effective form of a subschema, built once per diff.</summary>
    public EffectiveSchema Effective(SchemaNode node)
    {
        if (!State.Effective.TryGetValue(node.Key, out var schema)) State.Effective[node.Key] = schema = EffectiveSchema.Of(node);
        return schema;
    }

    /// <summary>The types a schema can accept (an over-approximation), computed once per schema.</summary>
    public JsonTypes TypesOf(EffectiveSchema schema)
    {
        if (!State.Types.TryGetValue(schema.Key, out var types)) State.Types[schema.Key] = types = TypeInference.Of(schema, this, depth: 3);
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
    public Dictionary<string, (int Depth, int InstanceDepth)> InProgress { get; } = new(StringComparer.Ordinal);

    /// <summary>How many instance levels (property, item, decoded content...) the comparison has descended.</summary>
    public int InstanceDepth { get; set; }

    /// <summary>Finished comparisons whose result does not rest on an assumption made further up.</summary>
    public Dictionary<string, List<SchemaChange>> Memo { get; } = new(StringComparer.Ordinal);

    /// <summary>True while the old schema's alternatives are being tried one by one.</summary>
    public bool InDisjunctionFallback { get; set; }

    /// <summary>Current comparison depth.</summary>
    public int Depth { get; set; }

    /// <summary>The shallowest in-progress pair a recursion was cut at, within the current comparison.</summary>
    public int LowestAssumption { get; set; } = int.MaxValue;

    /// <summary>Effective schemas by node key.</summary>
    public Dictionary<string, EffectiveSchema> Effective { get; } = new(StringComparer.Ordinal);

    /// <summary>Inferred types by effective schema key.</summary>
    public Dictionary<string, JsonTypes> Types { get; } = new(StringComparer.Ordinal);

    /// <summary>Regexes by pattern.</summary>
    public Dictionary<string, Regex?> Regexes { get; } = new(StringComparer.Ordinal);
}
