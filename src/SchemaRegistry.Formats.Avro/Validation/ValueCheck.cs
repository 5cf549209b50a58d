using System.Text.Json;
using SchemaRegistry.Core.Formats;

namespace SchemaRegistry.Formats.Avro.Validation;

/// <summary>
/// The check compiled for one schema node. <see cref="Accepts"/> is the hot path: it answers without allocating.
/// <see cref="Collect"/> runs only for a refused document and explains every reason, with paths.
/// </summary>
internal abstract class ValueCheck(string schemaPath)
{
    /// <summary>More nesting than any real datum; stops hostile input before the stack does.</summary>
    public const int MaxDepth = 256;

    /// <summary>Where the node is in the schema text (a JSON pointer).</summary>
    public string SchemaPath { get; } = schemaPath;

    /// <summary>True when the value is valid; allocates nothing.</summary>
    public abstract bool Accepts(JsonElement value, int depth);

    /// <summary>Adds every reason the value is invalid.</summary>
    public abstract void Collect(JsonElement value, string instancePath, List<ValidationError> errors, int depth);

    /// <summary>Adds one error at this node.</summary>
    protected void Fail(List<ValidationError> errors, string instancePath, string keyword, string message, string? schemaPath = null) =>
        errors.Add(new ValidationError(instancePath, schemaPath ?? SchemaPath, keyword, message));

    /// <summary>What a JSON value is, for messages.</summary>
    protected static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
