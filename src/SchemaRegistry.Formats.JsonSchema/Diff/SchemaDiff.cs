using SchemaRegistry.Core.Formats;
using SchemaRegistry.Formats.JsonSchema.Model;

namespace SchemaRegistry.Formats.JsonSchema.Diff;

/// <summary>Entry point of the JSON Schema diff.</summary>
internal static class SchemaDiff
{
    /// <summary>Comparisons allowed per diff: ample for real schemas, a bound for adversarial alternative nesting.</summary>
    private const int Budget = 50_000;

    /// <summary>
    /// Every change from <paramref name="previous"/> to <paramref name="current"/>, each once, in document order of
    /// discovery. Format changes are judged with the current schema's format setting.
    /// </summary>
    public static IReadOnlyList<SchemaChange> Compare(ParsedJsonSchema previous, ParsedJsonSchema current) => Compare(previous, current, Budget);

    /// <summary>The diff with an explicit work budget (tests use a tiny one).</summary>
    internal static IReadOnlyList<SchemaChange> Compare(ParsedJsonSchema previous, ParsedJsonSchema current, int budget)
    {
        var context = DiffContext.Start(current.Options.AssertFormat, budget);
        SchemaComparer.Compare(context, SchemaNode.RootOf(previous.Documents), SchemaNode.RootOf(current.Documents));
        var seen = new HashSet<(string, string, string)>();
        return [.. context.Changes.Where(c => seen.Add((c.Kind, c.Path, c.Message)))];
    }
}
