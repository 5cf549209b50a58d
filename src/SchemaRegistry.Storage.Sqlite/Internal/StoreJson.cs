using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using SchemaRegistry.Core.Formats;

namespace SchemaRegistry.Storage.Sqlite.Internal;

/// <summary>The JSON columns (references, tags, properties). Empty collections are stored as NULL.</summary>
internal static class StoreJson
{
    private static readonly IReadOnlyDictionary<string, string> NoProperties = new Dictionary<string, string>(0);

    public static string? References(IReadOnlyList<SchemaReference> references) =>
        references.Count == 0 ? null : JsonSerializer.Serialize(references, StoreJsonContext.Default.IReadOnlyListSchemaReference);

    /// <summary>
    /// The content-identity key of a reference list: '' for none, else SHA-256 of its JSON. References count in
    /// declaration order, as Confluent compares them.
    /// </summary>
    public static string ReferencesKey(string? referencesJson) =>
        referencesJson is null ? string.Empty : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(referencesJson)));

    public static IReadOnlyList<SchemaReference> ParseReferences(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize(json, StoreJsonContext.Default.SchemaReferenceArray) ?? [];

    public static string? Tags(IReadOnlyList<string> tags) =>
        tags.Count == 0 ? null : JsonSerializer.Serialize(tags, StoreJsonContext.Default.IReadOnlyListString);

    public static IReadOnlyList<string> ParseTags(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize(json, StoreJsonContext.Default.StringArray) ?? [];

    public static string? Properties(IReadOnlyDictionary<string, string> properties) =>
        properties.Count == 0 ? null : JsonSerializer.Serialize(properties, StoreJsonContext.Default.IReadOnlyDictionaryStringString);

    public static IReadOnlyDictionary<string, string> ParseProperties(string? json) =>
        json is null ? NoProperties : JsonSerializer.Deserialize(json, StoreJsonContext.Default.DictionaryStringString) ?? NoProperties;
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(IReadOnlyList<SchemaReference>))]
[JsonSerializable(typeof(SchemaReference[]))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, string>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class StoreJsonContext : JsonSerializerContext;
