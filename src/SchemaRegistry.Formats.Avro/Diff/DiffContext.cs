using SchemaRegistry.Core.Formats;
using SchemaRegistry.Formats.Avro.Compatibility;
using SchemaRegistry.Formats.Avro.Model;

namespace SchemaRegistry.Formats.Avro.Diff;

/// <summary>
/// The state of one diff: the changes found, the reader/writer checker (whose memo the walk shares to pair union
/// branches the way resolution does) and the pairs already walked (named types recurse).
/// </summary>
internal sealed class DiffContext(ReaderWriterChecker checker)
{
    private readonly List<SchemaChange> _changes = [];
    private readonly HashSet<(AvroSchemaNode, AvroSchemaNode)> _walked = new(new PairComparer());

    /// <summary>The checker, for "does this reader branch read that writer type?".</summary>
    public ReaderWriterChecker Checker { get; } = checker;

    /// <summary>The changes recorded.</summary>
    public IReadOnlyList<SchemaChange> Changes => _changes;

    /// <summary>Records a change; its impact comes from the catalogue.</summary>
    public void Add(string kind, string path, string message) =>
        _changes.Add(new SchemaChange(kind, path, message, AvroChangeKinds.Info(kind).Impact));

    /// <summary>True the first time a (reader, writer) pair is met.</summary>
    public bool FirstVisit(AvroSchemaNode reader, AvroSchemaNode writer) => _walked.Add((reader, writer));

    private sealed class PairComparer : IEqualityComparer<(AvroSchemaNode, AvroSchemaNode)>
    {
        public bool Equals((AvroSchemaNode, AvroSchemaNode) x, (AvroSchemaNode, AvroSchemaNode) y) =>
            ReferenceEquals(x.Item1, y.Item1) && ReferenceEquals(x.Item2, y.Item2);

        public int GetHashCode((AvroSchemaNode, AvroSchemaNode) pair) =>
            HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(pair.Item1), System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(pair.Item2));
    }
}
