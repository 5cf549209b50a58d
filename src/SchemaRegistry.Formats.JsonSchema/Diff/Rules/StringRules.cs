using System.Text.Json;
using Json.Schema;
using SchemaRegistry.Formats.JsonSchema.Model;

namespace SchemaRegistry.Formats.JsonSchema.Diff.Rules;

/// <summary>
/// <c>pattern</c>, <c>format</c> and the content keywords. Regular expressions are compared as text (equivalent
/// spellings are reported as changed: conservative). <c>format</c> is structural when formats are asserted and the
/// validator knows the format; otherwise it is an annotation. A changed <c>contentEncoding</c> or
/// <c>contentMediaType</c> makes readers misread old values, so it breaks even though validators ignore it.
/// </summary>
internal static class StringRules
{
    public static void Compare(DiffContext context, Pair pair)
    {
        ComparePatterns(context, pair);
        CompareFormats(context, pair);
        CompareSingle(context, pair, "contentEncoding", ChangeKinds.ContentEncodingAdded, ChangeKinds.ContentEncodingRemoved, ChangeKinds.ContentEncodingChanged);
        CompareSingle(context, pair, "contentMediaType", ChangeKinds.ContentMediaTypeAdded, ChangeKinds.ContentMediaTypeRemoved, ChangeKinds.ContentMediaTypeChanged);
        CompareContentSchema(context, pair);
    }

    private static void ComparePatterns(DiffContext context, Pair pair)
    {
        if (!pair.Old.Has("pattern") && !pair.New.Has("pattern")) return;
        var before = Patterns(pair.Old);
        var after = Patterns(pair.New);
        foreach (var added in after.Where(a => !before.Exists(b => b.Text == a.Text)))
        {
            if (before.Count == 0) context.Add(ChangeKinds.PatternAdded, added.Source.Path, $"pattern \"{added.Text}\" was added.");
            else context.Add(ChangeKinds.PatternChanged, added.Source.Path, $"pattern changed from \"{before[0].Text}\" to \"{added.Text}\".");
        }
        if (after.TrueForAll(a => before.Exists(b => b.Text == a.Text)))
        {
            foreach (var removed in before.Where(b => !after.Exists(a => a.Text == b.Text)))
                context.Add(ChangeKinds.PatternRemoved, removed.Source.Path, $"pattern \"{removed.Text}\" was removed.");
        }
    }

    /// <summary>The patterns in force; "" and ".*" match every string and so constrain nothing.</summary>
    private static List<(string Text, KeywordValue Source)> Patterns(EffectiveSchema schema) =>
        [.. schema.All("pattern").Where(k => k.Value.ValueKind == JsonValueKind.String)
            .Select(k => (k.Value.GetString()!, k)).Where(p => p.Item1 is not ("" or ".*"))];

    private static void CompareFormats(DiffContext context, Pair pair)
    {
        if (!pair.Old.Has("format") && !pair.New.Has("format")) return;
        var before = Formats(pair.Old);
        var after = Formats(pair.New);
        var asserted = context.State.AssertFormat;
        foreach (var (name, source) in after.Where(a => !before.Exists(b => b.Name == a.Name)))
        {
            if (!asserted || !IsKnown(name))
                context.Add(ChangeKinds.FormatAnnotationChanged, source.Path, $"format \"{name}\" was added; it is not asserted{(asserted ? " (no validator exists for it)" : "")}.");
            else if (before.Exists(b => IsKnown(b.Name)))
                context.Add(ChangeKinds.FormatChanged, source.Path, $"format changed from \"{before.First(b => IsKnown(b.Name)).Name}\" to \"{name}\".");
            else
                context.Add(ChangeKinds.FormatAdded, source.Path, $"format \"{name}\" was added and is asserted.");
        }
        foreach (var (name, source) in before.Where(b => !after.Exists(a => a.Name == b.Name)))
        {
            if (!asserted || !IsKnown(name))
                context.Add(ChangeKinds.FormatAnnotationChanged, source.Path, $"format \"{name}\" was removed; it was not asserted.");
            else if (!after.Exists(a => IsKnown(a.Name) && !before.Exists(b => b.Name == a.Name)))
                context.Add(ChangeKinds.FormatRemoved, source.Path, $"format \"{name}\" was removed.");
        }
    }

    private static List<(string Name, KeywordValue Source)> Formats(EffectiveSchema schema) =>
        [.. schema.All("format").Where(k => k.Value.ValueKind == JsonValueKind.String).Select(k => (k.Value.GetString()!, k))];

    private static bool IsKnown(string format) => FormatRegistry.Global.Get(format) is not UnknownFormat;

    private static void CompareSingle(DiffContext context, Pair pair, string keyword, string added, string removed, string changed)
    {
        var before = pair.Old.First(keyword);
        var after = pair.New.First(keyword);
        if (before is null && after is null) return;
        if (after is null) context.Add(removed, before!.Path, $"{keyword} {before.Value} was removed.");
        else if (before is null) context.Add(added, after.Path, $"{keyword} {after.Value} was added: old values were not written that way.");
        else if (!JsonValues.AreEqual(before.Value, after.Value))
            context.Add(changed, after.Path, $"{keyword} changed from {before.Value} to {after.Value}: old values would be misread.");
    }

    private static void CompareContentSchema(DiffContext context, Pair pair)
    {
        var before = pair.Old.First("contentSchema");
        var after = pair.New.First("contentSchema");
        if (before is null && after is null) return;
        if (after is null) context.Add(ChangeKinds.ContentSchemaRemoved, before!.Path, "contentSchema was removed.");
        else if (before is null) context.Add(ChangeKinds.ContentSchemaAdded, after.Path, "contentSchema was added.");
        else SchemaComparer.CompareMember(context, context.Effective(before.Schema()), context.Effective(after.Schema()));
    }
}
