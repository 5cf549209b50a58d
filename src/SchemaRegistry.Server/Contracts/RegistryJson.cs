using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SchemaRegistry.Server.Contracts;

/// <summary>
/// The serializer options every answer uses. Schema text travels inside JSON strings, so the encoder escapes only
/// what JSON requires (quotes, backslashes, control characters) rather than every <c>+</c>, <c>&lt;</c> or <c>'</c>:
/// answers read like Confluent's. Nothing here is embedded in HTML, where the stricter default would matter.
/// </summary>
internal static class RegistryJson
{
    public static JavaScriptEncoder Encoder => JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    public static JsonWriterOptions WriterOptions { get; } = new() { Encoder = Encoder };

    public static RegistryJsonContext Context { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = Encoder,
        Converters = { new JsonStringEnumConverter() },
    });
}
