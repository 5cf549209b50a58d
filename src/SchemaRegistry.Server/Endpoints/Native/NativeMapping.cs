using System.Text.Json;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Formats;
using SchemaRegistry.Core.Lifecycle;
using SchemaRegistry.Core.Storage;
using SchemaRegistry.Core.Subjects;
using SchemaRegistry.Server.Contracts.Native;

namespace SchemaRegistry.Server.Endpoints.Native;

/// <summary>Maps domain records to the native API's shapes and back.</summary>
internal static class NativeMapping
{
    /// <summary>The native API's default format: JSON Schema (unlike Confluent's AVRO).</summary>
    public const string DefaultSchemaType = "JSON";

    public static VersionDto ToDto(StoredVersion version) => new()
    {
        Subject = version.Subject,
        Namespace = SubjectName.Namespace(version.Subject),
        Name = SubjectName.Name(version.Subject),
        Version = version.Version,
        Semver = version.Semver,
        Id = version.Schema.Id,
        SchemaType = version.Schema.SchemaType,
        Schema = version.Schema.Text,
        Fingerprint = version.Schema.Fingerprint,
        References = References(version.Schema.References),
        State = version.State.ToWire(),
        SunsetAt = version.SunsetAt,
        Deleted = version.Deleted,
        CreatedAt = version.CreatedAt,
        Description = version.Metadata.Description,
        Owner = version.Metadata.Owner,
        Tags = version.Metadata.Tags.Count == 0 ? null : [.. version.Metadata.Tags],
        Metadata = version.Metadata.Properties.Count == 0 ? null : new Dictionary<string, string>(version.Metadata.Properties),
    };

    public static SubjectSummaryDto ToSummary(StoredVersion latest) => new()
    {
        Subject = latest.Subject,
        Namespace = SubjectName.Namespace(latest.Subject),
        Name = SubjectName.Name(latest.Subject),
        LatestVersion = latest.Version,
        Semver = latest.Semver,
        Id = latest.Schema.Id,
        SchemaType = latest.Schema.SchemaType,
        State = latest.State.ToWire(),
        Description = latest.Metadata.Description,
        Owner = latest.Metadata.Owner,
        Tags = latest.Metadata.Tags.Count == 0 ? null : [.. latest.Metadata.Tags],
    };

    public static VersionSummaryDto ToSummaryItem(StoredVersion version) => new()
    {
        Version = version.Version,
        Semver = version.Semver,
        Id = version.Schema.Id,
        State = version.State.ToWire(),
        Deleted = version.Deleted,
        CreatedAt = version.CreatedAt,
    };

    public static ChangeDto ToDto(SchemaChange change) =>
        new(change.Kind, change.Path, change.Message, change.Impact.ToString().ToUpperInvariant());

    public static List<NativeReference>? References(IReadOnlyList<SchemaReference> references) =>
        references.Count == 0 ? null : [.. references.Select(r => new NativeReference(r.Name, r.Subject, r.Version))];

    public static IReadOnlyList<SchemaReference> FromDtos(List<NativeReference>? references)
    {
        if (references is null || references.Count == 0) return [];
        foreach (var r in references)
        {
            if (string.IsNullOrWhiteSpace(r.Name) || string.IsNullOrWhiteSpace(r.Subject))
                throw new RegistryException(ErrorCode.InvalidSchema, "Each reference needs \"name\", \"subject\" and \"version\".");
        }
        return [.. references.Select(r => new SchemaReference(r.Name, r.Subject, r.Version))];
    }

    /// <summary>
    /// The schema text of a native request: a JSON string is taken as the text itself (any format); any other JSON
    /// value is the schema (JSON Schema written inline).
    /// </summary>
    public static string SchemaText(JsonElement schema) => schema.ValueKind switch
    {
        JsonValueKind.Undefined or JsonValueKind.Null =>
            throw new RegistryException(ErrorCode.InvalidSchema, "The request has no \"schema\"; send the schema as a JSON value or as a string."),
        JsonValueKind.String => schema.GetString()!,
        _ => schema.GetRawText(),
    };

    /// <summary>The subject of a registration: <c>subject</c>, or <c>namespace</c> + <c>name</c>.</summary>
    public static string Subject(RegisterSchemaRequest request)
    {
        if (!string.IsNullOrWhiteSpace(request.Subject))
        {
            if (request.Name is not null || request.Namespace is not null)
                throw new RegistryException(ErrorCode.InvalidRequest, "Give either \"subject\" or \"namespace\" and \"name\", not both.");
            return request.Subject;
        }
        if (string.IsNullOrWhiteSpace(request.Name))
            throw new RegistryException(ErrorCode.InvalidRequest, "The request needs a \"subject\", or a \"name\" (with an optional \"namespace\").");
        if (request.Name.Contains('.', StringComparison.Ordinal))
            throw new RegistryException(ErrorCode.InvalidRequest, $"The name '{request.Name}' must not contain a dot; dots separate the namespace.");
        return SubjectName.Compose(request.Namespace, request.Name);
    }

    /// <summary>A state from the wire, or a 42222 listing the valid ones.</summary>
    public static VersionState State(string? text) =>
        VersionStates.TryParse(text, out var state)
            ? state
            : throw new RegistryException(ErrorCode.InvalidRequest, $"Unknown state '{text}'; use DRAFT, ACTIVE, DEPRECATED or ARCHIVED.");
}
