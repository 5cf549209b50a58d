using System.Runtime.CompilerServices;
using SchemaRegistry.Core.Formats;

namespace SchemaRegistry.Core.Compatibility;

/// <summary>
/// The breaking changes from one parsed schema to another, remembered per pair of parsed-schema objects. A parsed
/// schema is immutable and its diff a function of the two schemas alone, so the answer for a pair never changes; it is
/// kept as long as both objects live (weakly, on both sides) and only for the exact same two objects, never for a
/// look-alike. It pays off because parsed schemas are shared: earlier versions come from the schema cache by id and a
/// candidate text from the parse cache, so the same schema registered under several subjects with the same history
/// (environments, tenants, key and value subjects) re-checks that history without diffing it again.
/// Only breaking changes are kept (usually none, so a pair costs a few bytes): the full diff that a registration shows
/// and bases its semver on is still computed afresh.
/// </summary>
internal static class BreakingChangeMemo
{
    private static readonly ConditionalWeakTable<IParsedSchema, ConditionalWeakTable<IParsedSchema, IReadOnlyList<SchemaChange>>> ByReader = [];

    /// <summary>The breaking changes for a reader using <paramref name="reader"/> on data written with <paramref name="writer"/>.</summary>
    public static IReadOnlyList<SchemaChange> Get(IParsedSchema reader, IParsedSchema writer)
    {
        var byWriter = ByReader.GetValue(reader, static _ => []);
        if (byWriter.TryGetValue(writer, out var known)) return known;
        var breaking = CompatibilityChecker.BreakingChanges(reader, writer);
        IReadOnlyList<SchemaChange> kept = breaking.Count == 0 ? [] : breaking;
        return byWriter.GetValue(writer, _ => kept);
    }

    /// <summary>Remembers the breaking part of a diff computed elsewhere.</summary>
    public static void Remember(IParsedSchema reader, IParsedSchema writer, List<SchemaChange> breaking)
    {
        IReadOnlyList<SchemaChange> kept = breaking.Count == 0 ? [] : breaking.AsReadOnly();
        ByReader.GetValue(reader, static _ => []).TryAdd(writer, kept);
    }
}
