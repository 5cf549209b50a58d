namespace SchemaRegistry.Formats.Avro.Compatibility;

/// <summary>
/// One reason a reader cannot decode a writer's data: Java's <c>SchemaCompatibility.Incompatibility</c>.
/// </summary>
/// <param name="Type">One of <see cref="IncompatibilityType"/> (Java's <c>SchemaIncompatibilityType</c> names).</param>
/// <param name="Location">A JSON pointer into the reader schema ("" for the root; Java prints "/").</param>
/// <param name="Detail">Java's message (<c>getMessage()</c>), e.g. <c>reader type: INT not compatible with writer type: STRING</c>.</param>
internal sealed record Incompatibility(string Type, string Location, string Detail)
{
    /// <summary>The location as Java prints it ("/" for the root).</summary>
    public string JavaLocation => Location.Length == 0 ? "/" : Location;
}

/// <summary>Java's <c>SchemaIncompatibilityType</c> values, plus the one Java raises as an exception.</summary>
internal static class IncompatibilityType
{
    public const string NameMismatch = "NAME_MISMATCH";
    public const string FixedSizeMismatch = "FIXED_SIZE_MISMATCH";
    public const string MissingEnumSymbols = "MISSING_ENUM_SYMBOLS";
    public const string ReaderFieldMissingDefaultValue = "READER_FIELD_MISSING_DEFAULT_VALUE";
    public const string TypeMismatch = "TYPE_MISMATCH";
    public const string MissingUnionBranch = "MISSING_UNION_BRANCH";

    /// <summary>A reader field whose name and aliases match several writer fields (Java throws; Confluent reports it as one failure).</summary>
    public const string ReaderFieldMatchesMultipleWriterFields = "READER_FIELD_MATCHES_MULTIPLE_WRITER_FIELDS";
}
