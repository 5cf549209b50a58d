using SchemaRegistry.Formats.JsonSchema.Model;
using SchemaRegistry.Formats.JsonSchema.Support;

namespace SchemaRegistry.Formats.JsonSchema.Diff.Rules;

/// <summary>
/// Keywords that refuse nothing: metadata (<c>title</c>, <c>default</c>...), identifiers (<c>$id</c>, anchors,
/// <c>$schema</c>), definitions and extension keywords, plus references whose targets are compared structurally
/// anyway. Every change here is an annotation, except a changed dynamic reference, which cannot be followed statically.
/// </summary>
internal static class AnnotationRules
{
    private static readonly (string Keyword, string Kind)[] Rows =
    [
        ("$id", ChangeKinds.IdChanged),
        ("id", ChangeKinds.IdChanged),
        ("$schema", ChangeKinds.DialectChanged),
        ("$vocabulary", ChangeKinds.DialectChanged),
        ("$anchor", ChangeKinds.AnchorChanged),
        ("$dynamicAnchor", ChangeKinds.AnchorChanged),
        ("$recursiveAnchor", ChangeKinds.AnchorChanged),
        ("$defs", ChangeKinds.DefinitionsChanged),
        ("definitions", ChangeKinds.DefinitionsChanged),
        ("title", ChangeKinds.TitleChanged),
        ("description", ChangeKinds.DescriptionChanged),
        ("default", ChangeKinds.DefaultChanged),
        ("examples", ChangeKinds.ExamplesChanged),
        ("$comment", ChangeKinds.CommentChanged),
        ("deprecated", ChangeKinds.DeprecatedChanged),
        ("readOnly", ChangeKinds.ReadOnlyChanged),
        ("writeOnly", ChangeKinds.WriteOnlyChanged),
    ];

    private static readonly string[] DynamicReferences = ["$dynamicRef", "$recursiveRef"];

    public static void Compare(DiffContext context, Pair pair)
    {
        var (older, newer) = (pair.Old, pair.New);
        foreach (var (keyword, kind) in Rows)
        {
            var before = older.First(keyword);
            var after = newer.First(keyword);
            if (before is null && after is null) continue;
            if (before is not null && after is not null && JsonValues.AreEqual(before.Value, after.Value)) continue;
            context.Add(kind, (after ?? before)!.Path, Describe(keyword, before, after));
        }
        foreach (var name in older.Extensions.Count + newer.Extensions.Count == 0 ? [] : older.Extensions.Keys.Union(newer.Extensions.Keys, StringComparer.Ordinal))
        {
            var hasBefore = older.Extensions.TryGetValue(name, out var before);
            var hasAfter = newer.Extensions.TryGetValue(name, out var after);
            if (hasBefore && hasAfter && JsonValues.AreEqual(before, after)) continue;
            var path = JsonPointers.Append((hasAfter ? newer : older).Primary.ReportPath, name);
            context.Add(ChangeKinds.ExtensionKeywordChanged, path, hasBefore && hasAfter
                ? $"{name} changed from {JsonValues.Show(before)} to {JsonValues.Show(after)}."
                : hasAfter ? $"{name} was added ({JsonValues.Show(after)})." : $"{name} was removed.");
        }
        CompareReferences(context, older, newer);
    }

    private static void CompareReferences(DiffContext context, EffectiveSchema older, EffectiveSchema newer)
    {
        var before = older.ReachedThrough;
        var after = newer.ReachedThrough;
        if (before is not null || after is not null)
        {
            var sameText = before is not null && after is not null && before.Keyword == after.Keyword && JsonValues.AreEqual(before.Value, after.Value);
            var dynamic = before?.Keyword is "$dynamicRef" or "$recursiveRef" || after?.Keyword is "$dynamicRef" or "$recursiveRef";
            if (!sameText && dynamic)
            {
                context.Add(ChangeKinds.DynamicReferenceChanged, (after ?? before)!.Path,
                    $"The dynamic reference changed from {before?.Value.ToString() ?? "none"} to {after?.Value.ToString() ?? "none"}; its target depends on the evaluation path and is not proven equivalent.");
            }
            else if (!sameText)
            {
                context.Add(ChangeKinds.ReferenceChanged, (after ?? before)!.Path,
                    before is null ? $"The subschema is now a reference to {after!.Value}; the target is compared with the old inline schema."
                    : after is null ? $"The reference to {before.Value} was replaced by an inline schema; they are compared structurally."
                    : $"The reference changed from {before.Value} to {after.Value}; the targets are compared structurally.");
            }
        }
        foreach (var keyword in DynamicReferences)
        {
            if (older.All(keyword).Count == 0 && newer.All(keyword).Count == 0) continue;
            var oldRefs = older.All(keyword).Select(k => k.Value.ToString()).Order(StringComparer.Ordinal).ToList();
            var newRefs = newer.All(keyword).Select(k => k.Value.ToString()).Order(StringComparer.Ordinal).ToList();
            if (oldRefs.SequenceEqual(newRefs, StringComparer.Ordinal)) continue;
            var at = newer.First(keyword) ?? older.First(keyword);
            context.Add(ChangeKinds.DynamicReferenceChanged, at!.Path,
                $"{keyword} changed from [{string.Join(", ", oldRefs)}] to [{string.Join(", ", newRefs)}]; its target depends on the evaluation path and is not proven equivalent.");
        }
    }

    private static string Describe(string keyword, KeywordValue? before, KeywordValue? after) =>
        before is null ? $"{keyword} was added ({JsonValues.Show(after!.Value)})."
        : after is null ? $"{keyword} was removed (was {JsonValues.Show(before.Value)})."
        : $"{keyword} changed from {JsonValues.Show(before.Value)} to {JsonValues.Show(after.Value)}.";
}
