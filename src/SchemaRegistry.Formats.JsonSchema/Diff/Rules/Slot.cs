using SchemaRegistry.Formats.JsonSchema.Model;

namespace SchemaRegistry.Formats.JsonSchema.Diff.Rules;

/// <summary>How a schema treats a member (a property name, an array position) it has no dedicated keyword for.</summary>
internal enum SlotKind
{
    /// <summary>Any value is accepted (keyword absent, or a schema that accepts everything).</summary>
    Open,

    /// <summary>No value is accepted (<c>false</c>).</summary>
    Closed,

    /// <summary>Values must match a schema.</summary>
    Schema,
}

/// <summary>The schema governing a member, with where it is written and which keyword wrote it.</summary>
/// <param name="Kind">Open, closed or a schema.</param>
/// <param name="Schema">The governing schema (null only for an absent keyword).</param>
/// <param name="Path">Where to report it.</param>
/// <param name="Keyword">The keyword that governs (<c>additionalProperties</c>, <c>items</c>...), or null when absent.</param>
/// <param name="Declared">True when the member has its own declaration (a property or pattern), not a catch-all.</param>
internal sealed record Slot(SlotKind Kind, EffectiveSchema? Schema, string Path, string? Keyword, bool Declared)
{
    /// <summary>A slot for a schema, classified as open, closed or constraining.</summary>
    public static Slot Of(EffectiveSchema schema, string path, string? keyword, bool declared) =>
        new(schema.IsFalse ? SlotKind.Closed : schema.AcceptsEverything ? SlotKind.Open : SlotKind.Schema, schema, path, keyword, declared);

    /// <summary>An absent keyword: everything is accepted.</summary>
    public static Slot Absent(string path) => new(SlotKind.Open, null, path, null, false);

    /// <summary>
    /// True when every value the old slot accepts is accepted by the new one; the breaking findings of a failed proof
    /// are recorded in <paramref name="explanation"/> when given.
    /// </summary>
    public static bool Covers(DiffContext context, Slot older, Slot newer, DiffContext? explanation = null)
    {
        if (newer.Kind == SlotKind.Open || older.Kind == SlotKind.Closed) return true;
        if (newer.Kind == SlotKind.Closed || older.Schema is null) return false;
        var trial = SchemaComparer.TrialMember(context, older.Schema, newer.Schema!);
        if (!trial.HasBreaking) return true;
        explanation?.AbsorbBreaking(trial);
        return false;
    }
}
