using System.Text.Json;
using SchemaRegistry.Formats.JsonSchema.Model;

namespace SchemaRegistry.Formats.JsonSchema.Diff.Rules;

/// <summary>
/// <c>enum</c> and <c>const</c> as sets of values (<c>const: x</c> is <c>enum: [x]</c>; order and duplicates do not
/// matter; numbers compare by value). The old values must all be among the new ones.
/// </summary>
internal static class EnumRules
{
    public static void Compare(DiffContext context, Pair pair)
    {
        if (!pair.Old.Has("enum") && !pair.Old.Has("const") && !pair.New.Has("enum") && !pair.New.Has("const")) return;
        var before = Values(pair.Old);
        var after = Values(pair.New);
        if (before is null && after is null) return;
        var newKeyword = pair.New.First("const") ?? pair.New.First("enum");
        var oldKeyword = pair.Old.First("const") ?? pair.Old.First("enum");

        if (after is null)
        {
            context.Add(oldKeyword!.Keyword == "const" ? ChangeKinds.ConstRemoved : ChangeKinds.EnumRemoved, oldKeyword.Path,
                $"{oldKeyword.Keyword} was removed: any value is accepted again.");
            return;
        }
        var isConst = newKeyword!.Keyword == "const";
        if (before is null)
        {
            if (IsImplied(pair.OldTypes, after))
            {
                context.Add(ChangeKinds.RedundantConstraintAdded, newKeyword.Path, $"{newKeyword.Keyword} was added but covers every value of the old schema's type.");
                return;
            }
            context.Add(isConst ? ChangeKinds.ConstAdded : ChangeKinds.EnumAdded, newKeyword.Path,
                $"{newKeyword.Keyword} was added: only {Show(after)} are accepted.");
            return;
        }

        var lost = before.Where(v => !after.ContainsValue(v)).ToList();
        var gained = after.Where(v => !before.ContainsValue(v)).ToList();
        if (lost.Count == 0 && gained.Count == 0) return;
        if (lost.Count == 0)
        {
            context.Add(ChangeKinds.EnumArrayExtended, newKeyword.Path, $"{newKeyword.Keyword} now also accepts {Show(gained)}.");
            return;
        }
        var kind = isConst ? ChangeKinds.ConstChanged : gained.Count == 0 ? ChangeKinds.EnumArrayNarrowed : ChangeKinds.EnumArrayChanged;
        context.Add(kind, newKeyword.Path, $"{newKeyword.Keyword} no longer accepts {Show(lost)}" + (gained.Count > 0 ? $" (it now accepts {Show(gained)})." : "."));
    }

    /// <summary>The accepted values (the intersection of every enum and const), or null when unbounded.</summary>
    private static List<JsonElement>? Values(EffectiveSchema schema)
    {
        List<JsonElement>? values = null;
        foreach (var keyword in schema.All("const").Concat(schema.All("enum")))
        {
            IEnumerable<JsonElement> these = keyword.Keyword == "const"
                ? [keyword.Value]
                : keyword.Value.ValueKind == JsonValueKind.Array ? keyword.Value.EnumerateArray() : [];
            values = values is null ? [.. these] : [.. values.Where(v => these.ContainsValue(v))];
        }
        return values;
    }

    /// <summary>An enum of both booleans on a boolean-only schema, or containing null on a null-only one, refuses nothing.</summary>
    private static bool IsImplied(JsonTypes oldTypes, List<JsonElement> values)
    {
        if (oldTypes == JsonTypes.None) return true;
        if (oldTypes == JsonTypes.Null) return values.Exists(v => v.ValueKind == JsonValueKind.Null);
        if (oldTypes == JsonTypes.Boolean)
            return values.Exists(v => v.ValueKind == JsonValueKind.True) && values.Exists(v => v.ValueKind == JsonValueKind.False);
        return false;
    }

    private static string Show(List<JsonElement> values) =>
        values.Count == 0 ? "no value" : string.Join(", ", values.Take(5).Select(JsonValues.Show)) + (values.Count > 5 ? $" and {values.Count - 5} more" : "");
}
