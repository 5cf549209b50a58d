using SchemaRegistry.Core.Formats;
using SchemaRegistry.Formats.JsonSchema.Parsing;

namespace SchemaRegistry.Formats.JsonSchema;

/// <summary>
/// The JSON Schema plug-in (Confluent <c>schemaType</c> <c>JSON</c>): drafts 4, 6, 7, 2019-09 and 2020-12, chosen
/// by <c>$schema</c>. Thread-safe: one instance serves the whole registry.
/// </summary>
public sealed class JsonSchemaFormat : ISchemaFormat
{
    /// <summary>The Confluent schema type.</summary>
    public const string Type = "JSON";

    private readonly SchemaParser _parser;

    /// <summary>A plug-in with the given options (the registry's defaults when null).</summary>
    public JsonSchemaFormat(JsonSchemaFormatOptions? options = null)
    {
        Options = options ?? JsonSchemaFormatOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Options.PatternMatchTimeout, TimeSpan.Zero, nameof(options));
        _parser = new SchemaParser(Options);
    }

    /// <summary>The options this instance parses and validates with.</summary>
    public JsonSchemaFormatOptions Options { get; }

    /// <inheritdoc />
    public string SchemaType => Type;

    /// <inheritdoc />
    public SchemaParseResult Parse(SchemaParseRequest request) => _parser.Parse(request);
}
