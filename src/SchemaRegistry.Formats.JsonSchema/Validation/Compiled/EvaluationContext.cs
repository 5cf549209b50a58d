using System.Globalization;
using System.Text;
using SchemaRegistry.Core.Formats;

namespace SchemaRegistry.Formats.JsonSchema.Validation.Compiled;

/// <summary>
/// The state of one validation call: whether errors are being collected (and where the evaluation is, for them), the
/// dynamic scope (for <c>$dynamicRef</c>) and scratch memory for evaluated-property tracking. One instance per thread
/// is reused by every call on that thread (a call is synchronous and never re-entered), so a call allocates nothing.
/// </summary>
internal sealed class EvaluationContext
{
    [ThreadStatic]
    private static EvaluationContext? t_current;

    private readonly List<PathSegment> _instancePath = [];
    private readonly List<string> _evaluationPath = [];
    private int[] _scope = new int[16];
    private ulong[] _arena = new ulong[64];
    private int _arenaTop;

    /// <summary>The errors being collected; null in verdict mode (stop at the first failure, keep no paths).</summary>
    public List<ValidationError>? Errors { get; private set; }

    /// <summary>True while errors are collected (paths are then maintained too).</summary>
    public bool Collecting => Errors is not null;

    /// <summary>How many resources are on the dynamic scope.</summary>
    public int ScopeDepth { get; private set; }

    /// <summary>The thread's context, reset for a new call in verdict mode.</summary>
    public static EvaluationContext ForVerdict()
    {
        var context = t_current ??= new EvaluationContext();
        context.Reset(null);
        return context;
    }

    /// <summary>The thread's context, reset for a new call that collects errors into a new list.</summary>
    public static EvaluationContext ForErrors()
    {
        var context = t_current ??= new EvaluationContext();
        context.Reset([]);
        return context;
    }

    private void Reset(List<ValidationError>? errors)
    {
        // The regex budget spans both passes of one call (verdict, then errors), as on the library path.
        if (errors is null) RegexBudget.Reset();
        Errors = errors;
        _instancePath.Clear();
        _evaluationPath.Clear();
        ScopeDepth = 0;
        _arenaTop = 0;
        if (_arena.Length > 1 << 16) _arena = new ulong[64];
    }

    /// <summary>Stops recording errors (inside <c>not</c>, <c>if</c>, <c>contains</c>: their failures explain nothing).</summary>
    public List<ValidationError>? SuspendErrors()
    {
        var saved = Errors;
        Errors = null;
        return saved;
    }

    /// <summary>Restores what <see cref="SuspendErrors"/> returned.</summary>
    public void ResumeErrors(List<ValidationError>? saved) => Errors = saved;

    /// <summary>How many errors are recorded, to roll back to (anyOf branches when another branch holds).</summary>
    public int ErrorMark => Errors?.Count ?? 0;

    /// <summary>Forgets the errors recorded after <paramref name="mark"/>.</summary>
    public void RollBack(int mark)
    {
        if (Errors is { } errors && errors.Count > mark) errors.RemoveRange(mark, errors.Count - mark);
    }

    // ---- paths (maintained only while collecting) ----

    /// <summary>Enters a property of the current instance.</summary>
    public void PushProperty(string name) => _instancePath.Add(new PathSegment(name, -1));

    /// <summary>Enters an item of the current instance.</summary>
    public void PushIndex(int index) => _instancePath.Add(new PathSegment(null, index));

    /// <summary>Leaves the last entered property or item.</summary>
    public void PopInstance() => _instancePath.RemoveAt(_instancePath.Count - 1);

    /// <summary>Follows a keyword to a subschema (the suffix is e.g. <c>/properties/name</c> or <c>/$ref</c>).</summary>
    public void PushEvaluation(string suffix) => _evaluationPath.Add(suffix);

    /// <summary>Returns from the last subschema entered.</summary>
    public void PopEvaluation() => _evaluationPath.RemoveAt(_evaluationPath.Count - 1);

    /// <summary>The JSON pointer of the current instance.</summary>
    public string InstancePath
    {
        get
        {
            if (_instancePath.Count == 0) return "";
            var builder = new StringBuilder();
            foreach (var segment in _instancePath)
            {
                builder.Append('/');
                if (segment.Name is null) builder.Append(segment.Index.ToString(CultureInfo.InvariantCulture));
                else builder.Append(segment.Name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal));
            }
            return builder.ToString();
        }
    }

    /// <summary>The path followed from the root schema to the current subschema (through <c>$ref</c>s).</summary>
    public string EvaluationPath => string.Concat(_evaluationPath);

    /// <summary>Records an error of <paramref name="node"/>'s keyword at the current instance.</summary>
    public void Report(SchemaNode node, string keyword, string message)
    {
        var schemaPath = (node.Location ?? EvaluationPath) + "/" + EscapeToken(keyword);
        Errors!.Add(new ValidationError(InstancePath, schemaPath, keyword, message));
    }

    /// <summary>Records the refusal of a <c>false</c> subschema, named after the keyword that holds it.</summary>
    public void ReportFalse(SchemaNode node)
    {
        var schemaPath = node.Location ?? EvaluationPath;
        var instancePath = InstancePath;
        var (keyword, message) = EvaluationErrors.FalseSchema(schemaPath, instancePath, Messages.FalseSchema);
        Errors!.Add(new ValidationError(instancePath, schemaPath, keyword, message));
    }

    private static string EscapeToken(string token) =>
        token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    // ---- dynamic scope ----

    /// <summary>Enters a schema resource.</summary>
    public void EnterResource(int resource)
    {
        if (ScopeDepth == _scope.Length) Array.Resize(ref _scope, _scope.Length * 2);
        _scope[ScopeDepth++] = resource;
    }

    /// <summary>Leaves the last resource entered.</summary>
    public void LeaveResource() => ScopeDepth--;

    /// <summary>The resource at <paramref name="depth"/> (0 is the outermost).</summary>
    public int ResourceAt(int depth) => _scope[depth];

    /// <summary>The innermost resource (-1 when none).</summary>
    public int CurrentResource => ScopeDepth == 0 ? -1 : _scope[ScopeDepth - 1];

    // ---- scratch bits for evaluated properties and items ----

    /// <summary>
    /// Zeroed scratch bits for <paramref name="count"/> members, taken from a per-thread arena in stack order: release
    /// with <see cref="ReleaseBits"/> passing the returned mark, innermost first.
    /// </summary>
    public Span<ulong> RentBits(int count, out int mark)
    {
        mark = _arenaTop;
        var words = (count + 63) >> 6;
        if (_arenaTop + words > _arena.Length)
        {
            // Earlier spans keep pointing into the old array; they stay valid (the GC keeps it) and are merged by value.
            var bigger = new ulong[Math.Max(_arena.Length * 2, _arenaTop + words)];
            _arena.AsSpan(0, _arenaTop).CopyTo(bigger);
            _arena = bigger;
        }
        var span = _arena.AsSpan(_arenaTop, words);
        span.Clear();
        _arenaTop += words;
        return span;
    }

    /// <summary>Returns the bits taken by <see cref="RentBits"/>.</summary>
    public void ReleaseBits(int mark) => _arenaTop = mark;

    private readonly record struct PathSegment(string? Name, int Index);
}
