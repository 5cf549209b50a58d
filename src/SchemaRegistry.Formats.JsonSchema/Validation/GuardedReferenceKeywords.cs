using System.Runtime.CompilerServices;
using Json.Schema;
using Json.Schema.Keywords;

namespace SchemaRegistry.Formats.JsonSchema.Validation;

/// <summary>
/// <c>$ref</c> that checks the remaining stack before following the reference. References are the only way
/// evaluation can go deeper than the schema text (a recursive schema over a deeply nested document); the library
/// recurses on the call stack, and a stack overflow would end the process. Checking here turns it into an
/// <see cref="InsufficientExecutionStackException"/>, which the validator reports as an error.
/// </summary>
internal sealed class GuardedRefKeyword : RefKeyword
{
    public override KeywordEvaluation Evaluate(KeywordData keyword, EvaluationContext context)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        return base.Evaluate(keyword, context);
    }
}

/// <summary><c>$recursiveRef</c> (2019-09) with the same stack check as <see cref="GuardedRefKeyword"/>.</summary>
internal sealed class GuardedRecursiveRefKeyword : Json.Schema.Keywords.Draft201909.RecursiveRefKeyword
{
    public override KeywordEvaluation Evaluate(KeywordData keyword, EvaluationContext context)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        return base.Evaluate(keyword, context);
    }
}

/// <summary><c>$dynamicRef</c> (2020-12) with the same stack check as <see cref="GuardedRefKeyword"/>.</summary>
internal sealed class GuardedDynamicRefKeyword : Json.Schema.Keywords.Draft202012.DynamicRefKeyword
{
    public override KeywordEvaluation Evaluate(KeywordData keyword, EvaluationContext context)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        return base.Evaluate(keyword, context);
    }
}
