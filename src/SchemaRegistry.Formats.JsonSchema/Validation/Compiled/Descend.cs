using System.Text.Json;

namespace SchemaRegistry.Formats.JsonSchema.Validation.Compiled;

/// <summary>How checks hand a value to a subschema, keeping the paths (while collecting) and evaluated members right.</summary>
internal static class Descend
{
    /// <summary>
    /// Evaluates a subschema on the same value (<c>allOf</c>, <c>$ref</c>...). Its evaluated members count only if it
    /// holds (annotations of a failed subschema are dropped), so it marks into scratch bits merged afterwards.
    /// </summary>
    public static bool InPlace(SchemaNode child, in Instance instance, EvaluationContext context, Span<ulong> evaluated, string suffix)
    {
        if (context.Collecting) context.PushEvaluation(suffix);
        bool valid;
        if (evaluated.IsEmpty)
        {
            valid = child.Evaluate(instance, context, default);
        }
        else
        {
            var scratch = context.RentBits(evaluated.Length * 64, out var mark);
            valid = child.Evaluate(instance, context, scratch);
            if (valid) EvaluatedBits.Merge(evaluated, scratch);
            context.ReleaseBits(mark);
        }
        if (context.Collecting) context.PopEvaluation();
        return valid;
    }

    /// <summary>Evaluates a subschema on a property's value.</summary>
    public static bool Property(SchemaNode child, JsonProperty property, EvaluationContext context, string suffix)
    {
        if (!context.Collecting) return child.Evaluate(Instance.Of(property.Value), context, default);
        context.PushProperty(property.Name);
        context.PushEvaluation(suffix);
        var valid = child.Evaluate(Instance.Of(property.Value), context, default);
        context.PopEvaluation();
        context.PopInstance();
        return valid;
    }

    /// <summary>Evaluates a subschema on a property's name (<c>propertyNames</c>).</summary>
    public static bool Name(SchemaNode child, JsonProperty property, EvaluationContext context, string suffix)
    {
        if (!context.Collecting) return child.Evaluate(Instance.NameOf(property), context, default);
        context.PushProperty(property.Name);
        context.PushEvaluation(suffix);
        var valid = child.Evaluate(Instance.NameOf(property), context, default);
        context.PopEvaluation();
        context.PopInstance();
        return valid;
    }

    /// <summary>Evaluates a subschema on an array item.</summary>
    public static bool Item(SchemaNode child, JsonElement item, int index, EvaluationContext context, string suffix)
    {
        if (!context.Collecting) return child.Evaluate(Instance.Of(item), context, default);
        context.PushIndex(index);
        context.PushEvaluation(suffix);
        var valid = child.Evaluate(Instance.Of(item), context, default);
        context.PopEvaluation();
        context.PopInstance();
        return valid;
    }
}
