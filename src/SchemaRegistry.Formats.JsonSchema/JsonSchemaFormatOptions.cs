using SchemaRegistry.Formats.JsonSchema.Drafts;

namespace SchemaRegistry.Formats.JsonSchema;

/// <summary>How the JSON Schema plug-in parses and validates. The defaults are the registry's behaviour.</summary>
public sealed record JsonSchemaFormatOptions
{
    /// <summary>The registry's defaults.</summary>
    public static JsonSchemaFormatOptions Default { get; } = new();

    /// <summary>
    /// The draft of a schema that has no <c>$schema</c>. The registry uses 2020-12; a client that knows its schemas
    /// are draft 7 (the JSON Schema test suite's draft7 folder, say) can choose it.
    /// </summary>
    public JsonSchemaDraft DefaultDraft { get; init; } = JsonSchemaDraft.Draft202012;

    /// <summary>
    /// When true (the default), <c>format</c> is asserted: a string that is not a valid <c>email</c>, <c>date-time</c>,
    /// <c>uuid</c>... is refused, as the peer validators do. When false it is an annotation, as the 2020-12
    /// specification says by default; the diff then treats <c>format</c> changes as annotations too.
    /// </summary>
    public bool AssertFormat { get; init; } = true;

    /// <summary>How long one <c>pattern</c> match may run before the value is refused (default 100 ms).</summary>
    public TimeSpan PatternMatchTimeout { get; init; } = TimeSpan.FromMilliseconds(100);
}
