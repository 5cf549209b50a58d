namespace SchemaRegistry.Server.Http;

/// <summary>
/// Boolean query parameters read the way Confluent (JAX-RS) reads them: <c>true</c> in any case is true, anything
/// else, including absence, is false. A typo therefore never turns into a 400 that Confluent clients do not expect.
/// </summary>
internal static class QueryFlag
{
    public static bool Of(string? value) => string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
}
