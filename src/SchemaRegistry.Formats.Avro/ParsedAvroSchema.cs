using SchemaRegistry.Core.Formats;
using SchemaRegistry.Formats.Avro.Diff;
using SchemaRegistry.Formats.Avro.Model;
using SchemaRegistry.Formats.Avro.Validation;

namespace SchemaRegistry.Formats.Avro;

/// <summary>
/// A parsed Avro schema: immutable and thread-safe. It keeps its own model of the schema (with the named types of its
/// references), from which it answers the diff against another version and builds the data validator.
/// </summary>
public sealed class ParsedAvroSchema : IParsedSchema
{
    internal ParsedAvroSchema(string canonicalText, IReadOnlyList<SchemaReference> references, AvroSchemaNode root)
    {
        CanonicalText = canonicalText;
        References = references;
        Root = root;
    }

    /// <inheritdoc />
    public string SchemaType => AvroFormat.Type;

    /// <inheritdoc />
    public string CanonicalText { get; }

    /// <inheritdoc />
    public IReadOnlyList<SchemaReference> References { get; }

    /// <summary>The full name of the top-level type when it is named (Confluent's <c>name()</c> for records), else null.</summary>
    public string? Name => (Root as AvroNamed)?.Name.FullName;

    /// <summary>The schema model.</summary>
    internal AvroSchemaNode Root { get; }

    /// <inheritdoc />
    public IReadOnlyList<SchemaChange> DiffFrom(IParsedSchema previous)
    {
        ArgumentNullException.ThrowIfNull(previous);
        if (previous is not ParsedAvroSchema old)
        {
            return [new SchemaChange(CommonChangeKinds.SchemaTypeChanged, "", $"The schema type changed from {previous.SchemaType} to {SchemaType}.", ChangeImpact.Breaking)];
        }
        return AvroDiff.Compare(reader: Root, writer: old.Root);
    }

    /// <inheritdoc />
    public IDataValidator CompileValidator() => AvroJsonValidator.Compile(Root);

    /// <inheritdoc />
    public override string ToString() => CanonicalText;
}
