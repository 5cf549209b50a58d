using SchemaRegistry.Formats.JsonSchema.Model;

namespace SchemaRegistry.Formats.JsonSchema.Diff.Rules;

/// <summary>
/// <c>type</c>, compared as sets (a name equals a one-element array; integer is a subset of number). What the old
/// schema can accept is inferred from all its keywords (an enum of strings accepts only strings), so a <c>type</c>
/// added to a schema that already implied it is harmless.
/// </summary>
internal static class TypeRules
{
    public static void Compare(DiffContext context, Pair pair)
    {
        var oldKeyword = pair.Old.First("type");
        var newKeyword = pair.New.First("type");
        if (oldKeyword is null && newKeyword is null) return;
        var declaredBefore = Declared(pair.Old);
        var declaredAfter = Declared(pair.New);
        if (declaredBefore == declaredAfter) return;
        var path = (newKeyword ?? oldKeyword)!.Path;
        var change = $"type changed from {JsonTypeSets.Describe(declaredBefore)} to {JsonTypeSets.Describe(declaredAfter)}";

        if (pair.OldTypes.IsSubsetOf(declaredAfter))
        {
            if (declaredBefore.IsSubsetOf(declaredAfter)) context.Add(ChangeKinds.TypeExtended, path, change + ".");
            else context.Add(ChangeKinds.RedundantConstraintAdded, path, $"{change}, but the old schema already accepted only {JsonTypeSets.Describe(pair.OldTypes)}.");
            return;
        }
        var refused = pair.OldTypes & ~declaredAfter;
        context.Add(declaredAfter.IsSubsetOf(declaredBefore) ? ChangeKinds.TypeNarrowed : ChangeKinds.TypeChanged, path,
            $"{change}: old values of type {JsonTypeSets.Describe(refused)} are refused.");
    }

    private static JsonTypes Declared(EffectiveSchema schema)
    {
        var types = JsonTypes.All;
        foreach (var type in schema.All("type")) types &= JsonTypeSets.FromTypeKeyword(type.Value);
        return types;
    }
}
