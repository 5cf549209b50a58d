namespace SchemaRegistry.Formats.JsonSchema.Parsing;

/// <summary>How parse messages name the documents involved.</summary>
internal static class ParseLabels
{
    /// <summary>The schema being parsed.</summary>
    public const string TheSchema = "the schema";

    /// <summary>One of its references.</summary>
    public static string Reference(string name) => $"reference \"{name}\"";
}
