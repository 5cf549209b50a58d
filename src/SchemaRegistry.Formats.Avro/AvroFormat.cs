using SchemaRegistry.Core.Formats;
using SchemaRegistry.Formats.Avro.Parsing;

namespace SchemaRegistry.Formats.Avro;

/// <summary>
/// The Avro plug-in (Confluent <c>schemaType</c> <c>AVRO</c>, the type Confluent clients mean when they send none).
/// Stateless and thread-safe: one instance serves the whole registry.
/// </summary>
public sealed class AvroFormat : ISchemaFormat
{
    /// <summary>The Confluent schema type.</summary>
    public const string Type = "AVRO";

    /// <inheritdoc />
    public string SchemaType => Type;

    /// <inheritdoc />
    public SchemaParseResult Parse(SchemaParseRequest request) => AvroParser.Parse(request);
}
