using System.Text.Json;

namespace SchemaRegistry.Formats.JsonSchema.Validation.Compiled;

/// <summary>
/// One compiled subschema: its keywords as checks, evaluated in order. Built once by <see cref="SchemaCompiler"/>,
/// immutable afterwards (the compiler fills the fields before the validator is published), shared by every call.
/// </summary>
internal sealed class SchemaNode
{
    /// <summary>The checks of the subschema's keywords.</summary>
    public Check[] Checks { get; set; } = [];

    /// <summary>For a boolean subschema, its value; null for an object subschema.</summary>
    public bool? Constant { get; set; }

    /// <summary>The schema resource the subschema belongs to (for the dynamic scope of <c>$dynamicRef</c>).</summary>
    public int Resource { get; set; }

    /// <summary>
    /// Where the subschema is in the schema text, as a JSON pointer; null when it lives in a referenced document, whose
    /// errors are located by the path evaluation took to it (as the library path reports them).
    /// </summary>
    public string? Location { get; set; }

    /// <summary>True when the subschema has <c>unevaluatedProperties</c> (it then tracks evaluated properties).</summary>
    public bool TracksProperties { get; set; }

    /// <summary>True when the subschema has <c>unevaluatedItems</c> (it then tracks evaluated items).</summary>
    public bool TracksItems { get; set; }

    /// <summary>True when the schema set uses <c>$dynamicRef</c>: only then is the dynamic scope maintained.</summary>
    public bool KeepsScope { get; set; }

    /// <summary>
    /// Evaluates the subschema. In verdict mode it stops at the first failing keyword; while collecting it evaluates
    /// every keyword and records the failures that explain the verdict. <paramref name="evaluated"/> receives the
    /// members this subschema evaluated (empty when nobody tracks them).
    /// </summary>
    public bool Evaluate(in Instance instance, EvaluationContext context, Span<ulong> evaluated)
    {
        if (Constant is { } constant)
        {
            if (!constant && context.Collecting) context.ReportFalse(this);
            return constant;
        }
        var entered = KeepsScope && context.CurrentResource != Resource;
        if (entered) context.EnterResource(Resource);
        var valid = TracksProperties && instance.Kind == JsonValueKind.Object || TracksItems && instance.Kind == JsonValueKind.Array
            ? EvaluateTracking(instance, context, evaluated)
            : EvaluateChecks(instance, context, evaluated);
        if (entered) context.LeaveResource();
        return valid;
    }

    private bool EvaluateChecks(in Instance instance, EvaluationContext context, Span<ulong> evaluated)
    {
        var valid = true;
        foreach (var check in Checks)
        {
            if (check.Evaluate(instance, context, evaluated)) continue;
            valid = false;
            if (!context.Collecting) return false;
        }
        return valid;
    }

    /// <summary>
    /// The subschema's own unevaluated keyword needs to know what its siblings evaluated: they mark into bits of
    /// its own, and once it has run every member counts as evaluated for the enclosing schema.
    /// </summary>
    private bool EvaluateTracking(in Instance instance, EvaluationContext context, Span<ulong> evaluated)
    {
        var count = instance.Kind == JsonValueKind.Object ? instance.Element.GetPropertyCount() : instance.Element.GetArrayLength();
        var own = context.RentBits(count, out var mark);
        var valid = EvaluateChecks(instance, context, own);
        context.ReleaseBits(mark);
        if (!evaluated.IsEmpty) EvaluatedBits.MarkFirst(evaluated, count);
        return valid;
    }
}

/// <summary>
/// The check of one keyword (or of a family of keywords evaluated together, such as the object keywords that share
/// one pass over the properties). Implementations are immutable and thread-safe.
/// </summary>
internal abstract class Check(SchemaNode node)
{
    /// <summary>The subschema the keyword belongs to (errors are located against it).</summary>
    protected SchemaNode Node { get; } = node;

    /// <summary>
    /// True when the instance passes. While <see cref="EvaluationContext.Collecting"/>, records the failures that
    /// explain a false answer against <see cref="Node"/>'s location; <paramref name="evaluated"/> receives the
    /// members this keyword evaluated.
    /// </summary>
    public abstract bool Evaluate(in Instance instance, EvaluationContext context, Span<ulong> evaluated);
}
