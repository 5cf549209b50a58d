using System.Runtime.CompilerServices;

namespace SchemaRegistry.Formats.JsonSchema.Validation.Compiled;

/// <summary><c>allOf</c>: every subschema holds.</summary>
internal sealed class AllOfCheck(SchemaNode node, SchemaNode[] branches, string[] suffixes) : Check(node)
{
    /// <summary>The subschemas.</summary>
    public IReadOnlyList<SchemaNode> Branches => branches;

    public override bool Evaluate(in Instance instance, EvaluationContext context, Span<ulong> evaluated)
    {
        var valid = true;
        for (var i = 0; i < branches.Length; i++)
        {
            if (Descend.InPlace(branches[i], instance, context, evaluated, suffixes[i])) continue;
            valid = false;
            if (!context.Collecting) return false;
        }
        return valid;
    }
}

/// <summary>
/// <c>anyOf</c>: at least one subschema holds. When one does, the others' failures explain nothing and are dropped;
/// when none does, every branch's failures are the explanation. All branches run while evaluated members are
/// tracked (each valid branch contributes its annotations).
/// </summary>
internal sealed class AnyOfCheck(SchemaNode node, SchemaNode[] branches, string[] suffixes) : Check(node)
{
    /// <summary>The subschemas.</summary>
    public IReadOnlyList<SchemaNode> Branches => branches;

    public override bool Evaluate(in Instance instance, EvaluationContext context, Span<ulong> evaluated)
    {
        var exhaustive = !evaluated.IsEmpty;
        var mark = context.ErrorMark;
        var any = false;
        for (var i = 0; i < branches.Length; i++)
        {
            if (!Descend.InPlace(branches[i], instance, context, evaluated, suffixes[i])) continue;
            any = true;
            if (!exhaustive) break;
        }
        if (any) context.RollBack(mark);
        return any;
    }
}

/// <summary>
/// <c>oneOf</c>: exactly one subschema holds. None: the branches' failures explain it, plus a <c>oneOf</c> error;
/// more than one: only the <c>oneOf</c> error (the library reports nothing at all for this case).
/// </summary>
internal sealed class OneOfCheck(SchemaNode node, SchemaNode[] branches, string[] suffixes) : Check(node)
{
    public override bool Evaluate(in Instance instance, EvaluationContext context, Span<ulong> evaluated)
    {
        var mark = context.ErrorMark;
        var matching = 0;
        for (var i = 0; i < branches.Length; i++)
        {
            if (!Descend.InPlace(branches[i], instance, context, evaluated, suffixes[i])) continue;
            matching++;
            if (matching > 1 && !context.Collecting && evaluated.IsEmpty) return false;
        }
        if (matching == 1)
        {
            context.RollBack(mark);
            return true;
        }
        if (context.Collecting)
        {
            if (matching > 1) context.RollBack(mark);
            context.Report(Node, "oneOf", Messages.OneOf(matching));
        }
        return false;
    }
}

/// <summary><c>not</c>: the subschema fails. Its own failures are what make this hold, so they are never reported.</summary>
internal sealed class NotCheck(SchemaNode node, SchemaNode negated) : Check(node)
{
    public override bool Evaluate(in Instance instance, EvaluationContext context, Span<ulong> evaluated)
    {
        var saved = context.SuspendErrors();
        var negatedHolds = negated.Evaluate(instance, context, default);
        context.ResumeErrors(saved);
        if (!negatedHolds) return true;
        if (context.Collecting) context.Report(Node, "not", Messages.Not);
        return false;
    }
}

/// <summary>
/// <c>if</c>/<c>then</c>/<c>else</c>: the condition chooses which branch must hold; the condition's own failures are
/// never errors. Without <c>then</c> and <c>else</c> the condition only matters for evaluated members.
/// </summary>
internal sealed class ConditionalCheck(SchemaNode node, SchemaNode condition, SchemaNode? then, SchemaNode? otherwise) : Check(node)
{
    public override bool Evaluate(in Instance instance, EvaluationContext context, Span<ulong> evaluated)
    {
        if (then is null && otherwise is null && evaluated.IsEmpty) return true;
        var saved = context.SuspendErrors();
        var holds = Descend.InPlace(condition, instance, context, evaluated, "/if");
        context.ResumeErrors(saved);
        var branch = holds ? then : otherwise;
        return branch is null || Descend.InPlace(branch, instance, context, evaluated, holds ? "/then" : "/else");
    }
}

/// <summary>
/// <c>$ref</c>: evaluates the referenced subschema (resolved at compile time; the target is set once the whole set is
/// compiled, as references may be cyclic). Checks the remaining stack first: a recursive schema over a deeply nested
/// document would otherwise overflow it and end the process.
/// </summary>
internal sealed class RefCheck(SchemaNode node) : Check(node)
{
    /// <summary>The referenced subschema.</summary>
    public SchemaNode Target { get; set; } = null!;

    public override bool Evaluate(in Instance instance, EvaluationContext context, Span<ulong> evaluated)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        return Descend.InPlace(Target, instance, context, evaluated, "/$ref");
    }
}

/// <summary>
/// <c>$dynamicRef</c>: like <c>$ref</c>, except that when its static target declares the same <c>$dynamicAnchor</c>,
/// the outermost resource of the dynamic scope declaring that anchor is used instead.
/// </summary>
internal sealed class DynamicRefCheck(SchemaNode node) : Check(node)
{
    /// <summary>The statically resolved target.</summary>
    public SchemaNode Target { get; set; } = null!;

    /// <summary>For a dynamic reference: the anchor's subschema in each resource (by resource id) that declares it.</summary>
    public SchemaNode?[]? AnchorByResource { get; set; }

    public override bool Evaluate(in Instance instance, EvaluationContext context, Span<ulong> evaluated)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        var target = Target;
        if (AnchorByResource is { } anchors)
        {
            for (var depth = 0; depth < context.ScopeDepth; depth++)
            {
                var resource = context.ResourceAt(depth);
                if (resource < anchors.Length && anchors[resource] is { } found)
                {
                    target = found;
                    break;
                }
            }
        }
        return Descend.InPlace(target, instance, context, evaluated, "/$dynamicRef");
    }
}
