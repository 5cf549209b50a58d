using SchemaRegistry.Core.Formats;
using SchemaRegistry.Formats.Protobuf.Model;

namespace SchemaRegistry.Formats.Protobuf.Diff;

/// <summary>What one comparison collects: the changes found, and the imported type pairs already compared.</summary>
internal sealed class DiffContext
{
    private readonly HashSet<(string Old, string New)> _comparedImports = [];
    private readonly Queue<Action> _pending = new();

    public List<SchemaChange> Changes { get; } = [];

    /// <summary>Records a change; its impact comes from the catalogue.</summary>
    public void Add(string kind, string path, string message) =>
        Changes.Add(new SchemaChange(kind, path, message, ChangeKinds.Impacts[kind]));

    /// <summary>
    /// Schedules the comparison of two message types that come from imports (a field's type defined outside the
    /// schema's file), once per pair: a referenced file moved to a version whose message changed is a change of this
    /// schema too (Confluent compares the referenced types in a sub-context the same way). Queued rather than recursive,
    /// so a long chain of types referring to one another cannot exhaust the stack.
    /// </summary>
    public void CompareImported(MessageModel old, MessageModel updated)
    {
        if (old.File.IsMain && updated.File.IsMain) return; // compared by the walk over the file itself
        if (_comparedImports.Add((old.FullName, updated.FullName))) _pending.Enqueue(() => Rules.MessageRules.Compare(old, updated, this));
    }

    /// <summary>The same for enum types from imports.</summary>
    public void CompareImported(EnumModel old, EnumModel updated)
    {
        if (old.File.IsMain && updated.File.IsMain) return;
        if (_comparedImports.Add((old.FullName, updated.FullName))) _pending.Enqueue(() => Rules.EnumRules.Compare(old, updated, this));
    }

    /// <summary>Runs the scheduled comparisons (which may schedule more) until none is left.</summary>
    public void CompareScheduled()
    {
        while (_pending.TryDequeue(out var compare)) compare();
    }
}
