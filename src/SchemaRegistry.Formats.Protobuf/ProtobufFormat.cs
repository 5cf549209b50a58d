using SchemaRegistry.Core.Formats;
using SchemaRegistry.Formats.Protobuf.Parsing;

namespace SchemaRegistry.Formats.Protobuf;

/// <summary>
/// The Protobuf plug-in (Confluent <c>schemaType</c> <c>PROTOBUF</c>): proto2 and proto3 files as text, or as the
/// base64 <c>FileDescriptorProto</c> Confluent's .NET serializer sends; imports come from references named by their
/// import path, the well-known types are built in. Thread-safe and stateless: one instance serves the registry.
/// </summary>
public sealed class ProtobufFormat : ISchemaFormat
{
    /// <summary>The Confluent schema type.</summary>
    public const string Type = "PROTOBUF";

    /// <inheritdoc />
    public string SchemaType => Type;

    /// <inheritdoc />
    public SchemaParseResult Parse(SchemaParseRequest request) => ProtobufSchemaParser.Parse(request);
}
