namespace SchemaRegistry.Formats.Avro.Parsing;

/// <summary>
/// A refusal raised while reading a schema: what is wrong and where (a JSON pointer into the text). Never escapes the
/// plug-in: <see cref="AvroParser"/> turns it into a failed parse result.
/// </summary>
internal sealed class AvroSchemaException : Exception
{
    /// <summary>A refusal at <paramref name="pointer"/> ("" for the whole schema).</summary>
    public AvroSchemaException(string pointer, string problem) : base(Locate(pointer, problem))
    {
    }

    public AvroSchemaException() : base("The schema is invalid.")
    {
    }

    public AvroSchemaException(string message) : base(message)
    {
    }

    public AvroSchemaException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>The message shown to users: the location, then the problem.</summary>
    public static string Locate(string pointer, string problem) => $"{(pointer.Length == 0 ? "(root)" : pointer)}: {problem}";
}
