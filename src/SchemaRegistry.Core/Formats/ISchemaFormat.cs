namespace SchemaRegistry.Core.Formats;

/// <summary>
/// A schema format plug-in (JSON Schema, Avro, Protobuf). Everything format-specific lives behind this interface:
/// the rest of the registry handles every format the same way.
/// </summary>
public interface ISchemaFormat
{
    /// <summary>The Confluent <c>schemaType</c> this plug-in handles: <c>JSON</c>, <c>AVRO</c>, <c>PROTOBUF</c>.</summary>
    string SchemaType { get; }

    /// <summary>
    /// Parses schema text into an immutable parsed schema. Never throws for bad input: an invalid schema is a failed
    /// result whose message says where the problem is.
    /// </summary>
    SchemaParseResult Parse(SchemaParseRequest request);
}

/// <summary>What a plug-in needs to parse one schema.</summary>
/// <param name="Text">The schema text as the user sent it.</param>
/// <param name="References">The declared references, resolved (transitively) to the text of the pinned versions.</param>
/// <param name="Normalize">When true the canonical form is also normalized (Confluent's <c>normalize=true</c>).</param>
public sealed record SchemaParseRequest(string Text, IReadOnlyList<ResolvedReference> References, bool Normalize = false)
{
    /// <summary>A request for a schema without references.</summary>
    public static SchemaParseRequest Of(string text, bool normalize = false) => new(text, [], normalize);
}

/// <summary>The outcome of <see cref="ISchemaFormat.Parse"/>: a parsed schema, or a message saying what is wrong and where.</summary>
public sealed class SchemaParseResult
{
    private SchemaParseResult(IParsedSchema? schema, string? error)
    {
        Schema = schema;
        Error = error;
    }

    /// <summary>The parsed schema when <see cref="Success"/>.</summary>
    public IParsedSchema? Schema { get; }

    /// <summary>What is wrong with the text, and where, when not <see cref="Success"/>.</summary>
    public string? Error { get; }

    /// <summary>True when the text is a valid schema.</summary>
    public bool Success => Schema is not null;

    /// <summary>A successful parse.</summary>
    public static SchemaParseResult Ok(IParsedSchema schema) => new(schema ?? throw new ArgumentNullException(nameof(schema)), null);

    /// <summary>A refused schema, with a message that says where.</summary>
    public static SchemaParseResult Fail(string error) => new(null, error);
}
