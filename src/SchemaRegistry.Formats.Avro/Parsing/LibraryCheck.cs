namespace SchemaRegistry.Formats.Avro.Parsing;

/// <summary>
/// Parses the text the registry is about to store with Apache.Avro, the library Confluent's .NET serializers parse
/// schemas with (<c>Avro.Schema.Parse</c>, after the referenced schemas in the same name table). A schema it refuses
/// would break every .NET consumer, so it is refused at registration with the library's own message.
/// </summary>
internal static class LibraryCheck
{
    /// <summary>The library's complaint, or null when it parses the schema.</summary>
    public static string? Problem(string text, IReadOnlyList<string> referenceTexts)
    {
        try
        {
            var names = new global::Avro.SchemaNames();
            foreach (var reference in referenceTexts) global::Avro.Schema.Parse(reference, names, null);
            global::Avro.Schema.Parse(text, names, null);
            return null;
        }
#pragma warning disable CA1031 // The library throws anything on bad input (NullReferenceException, FormatException...): all of it is a refusal.
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
#pragma warning restore CA1031
    }
}
