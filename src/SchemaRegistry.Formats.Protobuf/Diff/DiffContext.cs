using SchemaRegistry.Core.Formats;
using SchemaRegistry.Formats.Protobuf.Model;

namespace SchemaRegistry.Formats.Protobuf.Diff;

/// <summary>What one comparison collects: the changes found, and the imported type pairs already compared.</summary>
internal sealed class DiffContext
{
    private readonly HashSet<(string Old, string New)> _comparedImports = [];

    public List<SchemaChange> Changes { get; } = [];

    /// <summary>Records a change; its impact comes from the catalogue.</summary>
    public void Add(string kind, string path, string message) =>
        Changes.Add(new SchemaChange(kind, path, message, ChangeKinds.Impacts[kind]));

    /// <summary>
    /// Compares two message types that come from imports (a field's type defined outside the schema's file), once per
    /// pair: a referenced file moved to a version whose message changed is a change of this schema too (Confluent
    /// compares the referenced types in a sub-context the same way).
    /// </summary>
    public void CompareImported(MessageModel old, MessageModel updated)
    {
        if (old.File.IsMain && updated.File.IsMain) return; // compared by the walk over the file itself
        if (_comparedImports.Add((old.FullName, updated.FullName))) Rules.MessageRules.Compare(old, updated, this);
    }

    /// <summary>The same for enum types from imports.</summary>
    public void CompareImported(EnumModel old, EnumModel updated)
    {
        if (old.File.IsMain && updated.File.IsMain) return;
        if (_comparedImports.Add((old.FullName, updated.FullName))) Rules.EnumRules.Compare(old, updated, this);
    }
}
