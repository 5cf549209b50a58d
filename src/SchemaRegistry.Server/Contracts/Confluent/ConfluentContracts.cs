using System.Text.Json.Serialization;

namespace SchemaRegistry.Server.Contracts.Confluent;

// The JSON shapes of the Confluent Schema Registry REST API, field for field. Absent fields are omitted, as Confluent
// omits them (schemaType for AVRO, references when there are none).

/// <summary>A reference as Confluent's <c>references</c> array carries it.</summary>
public sealed class ReferenceDto
{
    /// <summary>How the referencing schema names it.</summary>
    [JsonPropertyName("name")] public string? Name { get; set; }
    /// <summary>The referenced subject.</summary>
    [JsonPropertyName("subject")] public string? Subject { get; set; }
    /// <summary>The referenced version (-1 for latest).</summary>
    [JsonPropertyName("version")] public int? Version { get; set; }
}

/// <summary>The body of <c>POST /subjects/{s}/versions</c>, <c>POST /subjects/{s}</c> and compatibility checks.</summary>
public sealed class SchemaRequest
{
    /// <summary>The schema text.</summary>
    [JsonPropertyName("schema")] public string? Schema { get; set; }
    /// <summary>AVRO (default), JSON, PROTOBUF.</summary>
    [JsonPropertyName("schemaType")] public string? SchemaType { get; set; }
    /// <summary>References to other subjects.</summary>
    [JsonPropertyName("references")] public List<ReferenceDto>? References { get; set; }
    /// <summary>IMPORT mode: the id to register under.</summary>
    [JsonPropertyName("id")] public long? Id { get; set; }
    /// <summary>IMPORT mode: the version to register as.</summary>
    [JsonPropertyName("version")] public int? Version { get; set; }
}

/// <summary>
/// The answer to a registration: <c>{"id": N}</c> as every Confluent version answers, plus the version, type and
/// stored schema that Confluent 8 added (older clients ignore them).
/// </summary>
public sealed class RegisterResponse
{
    /// <summary>The schema's global id.</summary>
    [JsonPropertyName("id")] public long Id { get; set; }
    /// <summary>The version in the subject.</summary>
    [JsonPropertyName("version")] public int? Version { get; set; }
    /// <summary>The format; omitted for AVRO.</summary>
    [JsonPropertyName("schemaType")] public string? SchemaType { get; set; }
    /// <summary>The schema as stored.</summary>
    [JsonPropertyName("schema")] public string? Schema { get; set; }
}

/// <summary>A schema with its place in a subject (<c>GET /subjects/{s}/versions/{v}</c>, lookup, <c>GET /schemas</c>).</summary>
public sealed class SchemaDto
{
    /// <summary>The subject.</summary>
    [JsonPropertyName("subject")] public string? Subject { get; set; }
    /// <summary>The version.</summary>
    [JsonPropertyName("version")] public int? Version { get; set; }
    /// <summary>The global id.</summary>
    [JsonPropertyName("id")] public long? Id { get; set; }
    /// <summary>The format; omitted for AVRO.</summary>
    [JsonPropertyName("schemaType")] public string? SchemaType { get; set; }
    /// <summary>References; omitted when none.</summary>
    [JsonPropertyName("references")] public List<ReferenceDto>? References { get; set; }
    /// <summary>The schema text.</summary>
    [JsonPropertyName("schema")] public string? Schema { get; set; }
    /// <summary><c>GET /schemas/ids/{id}?fetchMaxId=true</c>: the highest id assigned.</summary>
    [JsonPropertyName("maxId")] public long? MaxId { get; set; }
}

/// <summary>A (subject, version) pair.</summary>
public sealed class SubjectVersionDto
{
    /// <summary>The subject.</summary>
    [JsonPropertyName("subject")] public string Subject { get; set; } = "";
    /// <summary>The version.</summary>
    [JsonPropertyName("version")] public int Version { get; set; }
}

/// <summary>The body of <c>PUT /config</c>.</summary>
public sealed class ConfigUpdateRequest
{
    /// <summary>The new level.</summary>
    [JsonPropertyName("compatibility")] public string? Compatibility { get; set; }
    /// <summary>Some clients send the GET field name; accepted as a synonym.</summary>
    [JsonPropertyName("compatibilityLevel")] public string? CompatibilityLevel { get; set; }
    /// <summary>Normalize registrations by default.</summary>
    [JsonPropertyName("normalize")] public bool? Normalize { get; set; }
}

/// <summary>The answer to <c>PUT /config</c>.</summary>
public sealed class ConfigUpdateResponse
{
    /// <summary>The level set.</summary>
    [JsonPropertyName("compatibility")] public string? Compatibility { get; set; }
    /// <summary>The normalize default set, if any.</summary>
    [JsonPropertyName("normalize")] public bool? Normalize { get; set; }
}

/// <summary>The answer to <c>GET /config</c> and <c>DELETE /config</c>.</summary>
public sealed class ConfigResponse
{
    /// <summary>The level.</summary>
    [JsonPropertyName("compatibilityLevel")] public string? CompatibilityLevel { get; set; }
    /// <summary>The normalize default, if set.</summary>
    [JsonPropertyName("normalize")] public bool? Normalize { get; set; }
}

/// <summary>The body and answer of <c>/mode</c>.</summary>
public sealed class ModeDto
{
    /// <summary>READWRITE, READONLY, READONLY_OVERRIDE, IMPORT.</summary>
    [JsonPropertyName("mode")] public string? Mode { get; set; }
}

/// <summary>The answer to a compatibility check.</summary>
public sealed class CompatibilityResponse
{
    /// <summary>The verdict.</summary>
    [JsonPropertyName("is_compatible")] public bool IsCompatible { get; set; }
    /// <summary>Why not (only with <c>verbose=true</c>).</summary>
    [JsonPropertyName("messages")] public List<string>? Messages { get; set; }
}

/// <summary><c>GET /</c>: an empty object, as Confluent answers.</summary>
public sealed class RootResponse;
