namespace SchemaRegistry.Formats.Avro.Parsing;

/// <summary>
/// A refusal raised while reading a schema: what is wrong and where (a JSON pointer into the text). Never escapes the
/// plug-in: <see cref="AvroParser"/> turns it into a failed parse result.
/// </summary>
internal sealed class AvroSchemaException : Exception
{
    public AvroSchemaException(string pointer, string problem) : base(Locate(pointer, problem))
    {
        Pointer = pointer;
        Problem = problem;
    }

    public AvroSchemaException() : this("", "invalid schema")
    {
    }

    public AvroSchemaException(string message) : this("", message)
    {
    }

    public AvroSchemaException(string message, Exception innerException) : base(message, innerException)
    {
        Pointer = "";
        Problem = message;
    }

    /// <summary>Where: a JSON pointer into the schema text ("" is the whole schema).</summary>
    public string Pointer { get; } = "";

    /// <summary>What is wrong.</summary>
    public string Problem { get; } = "";

    /// <summary>The message shown to users: the location, then the problem.</summary>
    public static string Locate(string pointer, string problem) => $"{(pointer.Length == 0 ? "(root)" : pointer)}: {problem}";
}
