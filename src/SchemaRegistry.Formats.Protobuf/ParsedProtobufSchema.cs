using SchemaRegistry.Core.Formats;
using SchemaRegistry.Formats.Protobuf.Diff;
using SchemaRegistry.Formats.Protobuf.Model;
using SchemaRegistry.Formats.Protobuf.Syntax;
using SchemaRegistry.Formats.Protobuf.Validation;

namespace SchemaRegistry.Formats.Protobuf;

/// <summary>
/// A parsed .proto file: immutable and thread-safe. It knows its canonical text, its resolved model (for the diff and
/// the validators) and its message types in Confluent's message-index order; data is validated against one message,
/// the first one unless another is named.
/// </summary>
public sealed class ParsedProtobufSchema : IParsedSchema, IMultiMessageSchema
{
    internal ParsedProtobufSchema(string canonicalText, IReadOnlyList<SchemaReference> references, ProtoFile tree, SchemaModel model)
    {
        CanonicalText = canonicalText;
        References = references;
        Tree = tree;
        Model = model;
        MessageNames = [.. model.DeclaredMessages.Select(m => m.FullName)];
    }

    /// <inheritdoc />
    public string SchemaType => ProtobufFormat.Type;

    /// <inheritdoc />
    public string CanonicalText { get; }

    /// <inheritdoc />
    public IReadOnlyList<SchemaReference> References { get; }

    /// <summary>
    /// Every message the file declares, fully qualified, depth first in declaration order (nested messages right after
    /// their parent; map entries left out). The first is the default for validation and Confluent's <c>name()</c>.
    /// </summary>
    public IReadOnlyList<string> MessageNames { get; }

    /// <summary>The package, or an empty string.</summary>
    public string Package => Model.Main.Package;

    /// <summary>True for proto3, false for proto2 (including a file without a syntax statement).</summary>
    public bool IsProto3 => Model.Main.IsProto3;

    internal ProtoFile Tree { get; }

    internal SchemaModel Model { get; }

    /// <summary>Confluent's message-index path of a message (full name), or null when the file does not declare it.</summary>
    public IReadOnlyList<int>? MessageIndexesOf(string messageName) => MessageIndexes.Of(Model, messageName);

    /// <summary>The full name of the message at a Confluent message-index path, or null.</summary>
    public string? MessageNameAt(IReadOnlyList<int> indexes) => MessageIndexes.NameAt(Model, indexes);

    /// <inheritdoc />
    public IReadOnlyList<SchemaChange> DiffFrom(IParsedSchema previous)
    {
        ArgumentNullException.ThrowIfNull(previous);
        if (previous is not ParsedProtobufSchema old)
        {
            return [new SchemaChange(CommonChangeKinds.SchemaTypeChanged, "", $"The schema type changed from {previous.SchemaType} to {SchemaType}.", ChangeImpact.Breaking)];
        }
        return ProtobufDiff.Compare(old.Model, Model);
    }

    /// <inheritdoc />
    public IDataValidator CompileValidator() =>
        MessageNames.Count == 0 ? new NoMessageValidator() : ProtoJsonValidator.Compile(Model, Model.Messages[MessageNames[0]]);

    /// <summary>
    /// A validator for one message, named fully qualified (<c>pkg.Order</c>), relative to the package (<c>Order</c>,
    /// <c>Order.Item</c>), or by Confluent message indexes (<c>1,0</c>). Null when no message matches.
    /// </summary>
    public IDataValidator? CompileValidator(string messageName)
    {
        ArgumentNullException.ThrowIfNull(messageName);
        var name = MessageIndexes.TryParse(messageName, out var indexes) ? MessageNameAt(indexes) : messageName.TrimStart('.');
        if (name is null) return null;
        var message = Model.Messages.GetValueOrDefault(name)
            ?? (Package.Length > 0 ? Model.Messages.GetValueOrDefault(Package + "." + name) : null);
        return message is null || message.IsMapEntry ? null : ProtoJsonValidator.Compile(Model, message);
    }

    /// <inheritdoc />
    public override string ToString() => CanonicalText;
}
