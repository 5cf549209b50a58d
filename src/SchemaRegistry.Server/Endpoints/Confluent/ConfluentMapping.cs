using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Formats;
using SchemaRegistry.Core.Storage;
using SchemaRegistry.Server.Contracts.Confluent;

namespace SchemaRegistry.Server.Endpoints.Confluent;

/// <summary>Maps domain records to Confluent's JSON shapes and back.</summary>
internal static class ConfluentMapping
{
    public static SchemaDto ToDto(StoredVersion version) => new()
    {
        Subject = version.Subject,
        Version = version.Version,
        Id = version.Schema.Id,
        SchemaType = SchemaTypeField(version.Schema.SchemaType),
        References = References(version.Schema.References),
        Schema = version.Schema.Text,
    };

    public static SchemaDto ToDto(StoredSchema schema) => new()
    {
        SchemaType = SchemaTypeField(schema.SchemaType),
        References = References(schema.References),
        Schema = schema.Text,
    };

    /// <summary>Confluent omits <c>schemaType</c> for AVRO, its default.</summary>
    public static string? SchemaTypeField(string schemaType) =>
        string.Equals(schemaType, "AVRO", StringComparison.OrdinalIgnoreCase) ? null : schemaType.ToUpperInvariant();

    /// <summary>Confluent omits <c>references</c> when there are none.</summary>
    public static List<ReferenceDto>? References(IReadOnlyList<SchemaReference> references) =>
        references.Count == 0 ? null : [.. references.Select(r => new ReferenceDto { Name = r.Name, Subject = r.Subject, Version = r.Version })];

    /// <summary>The declared references of a request, checked for completeness.</summary>
    public static IReadOnlyList<SchemaReference> FromDtos(List<ReferenceDto>? references)
    {
        if (references is null || references.Count == 0) return [];
        var result = new List<SchemaReference>(references.Count);
        foreach (var reference in references)
        {
            if (string.IsNullOrWhiteSpace(reference.Name) || string.IsNullOrWhiteSpace(reference.Subject) || reference.Version is null)
                throw new RegistryException(ErrorCode.InvalidSchema, "Each reference needs \"name\", \"subject\" and \"version\".");
            result.Add(new SchemaReference(reference.Name, reference.Subject, reference.Version.Value));
        }
        return result;
    }

    /// <summary>The schema text of a request, or a 42201 when it is missing.</summary>
    public static string RequireSchema(SchemaRequest request) =>
        string.IsNullOrWhiteSpace(request.Schema)
            ? throw new RegistryException(ErrorCode.InvalidSchema, "The request has no \"schema\"; send the schema text as a JSON string.")
            : request.Schema;
}
