namespace SchemaRegistry.Core.Formats;

/// <summary>
/// An optional capability of a parsed schema that defines several message types (a Protobuf file): data is validated
/// against one of them, chosen by name. One method each, in the spirit of Apicurio's capability interfaces.
/// </summary>
public interface IMultiMessageSchema
{
    /// <summary>The message types, fully qualified, in declaration order; the first is the default.</summary>
    IReadOnlyList<string> MessageNames { get; }

    /// <summary>Builds a validator for one message type; null when the schema has no message of that name.</summary>
    IDataValidator? CompileValidator(string messageName);
}
