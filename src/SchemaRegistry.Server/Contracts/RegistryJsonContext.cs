using System.Text.Json.Serialization;
using SchemaRegistry.Server.Contracts.Confluent;
using SchemaRegistry.Server.Contracts.Native;

namespace SchemaRegistry.Server.Contracts;

/// <summary>
/// Source-generated serializers for every request and response shape: no reflection at run time, and the same
/// options everywhere (camelCase for the native API, explicit names for Confluent's, nulls omitted).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
// Confluent
[JsonSerializable(typeof(SchemaRequest))]
[JsonSerializable(typeof(RegisterResponse))]
[JsonSerializable(typeof(SchemaDto))]
[JsonSerializable(typeof(List<SchemaDto>))]
[JsonSerializable(typeof(List<SubjectVersionDto>))]
[JsonSerializable(typeof(ConfigUpdateRequest))]
[JsonSerializable(typeof(ConfigUpdateResponse))]
[JsonSerializable(typeof(ConfigResponse))]
[JsonSerializable(typeof(ModeDto))]
[JsonSerializable(typeof(CompatibilityResponse))]
[JsonSerializable(typeof(RootResponse))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(List<int>))]
[JsonSerializable(typeof(List<long>))]
[JsonSerializable(typeof(int))]
// Native
[JsonSerializable(typeof(RegisterSchemaRequest))]
[JsonSerializable(typeof(RegisterSchemaResponse))]
[JsonSerializable(typeof(CheckSchemaRequest))]
[JsonSerializable(typeof(StateChangeRequest))]
[JsonSerializable(typeof(VersionDto))]
[JsonSerializable(typeof(List<VersionSummaryDto>))]
[JsonSerializable(typeof(SubjectDto))]
[JsonSerializable(typeof(SubjectPage))]
[JsonSerializable(typeof(SchemaByIdDto))]
[JsonSerializable(typeof(CompatibilityReportDto))]
[JsonSerializable(typeof(DiffDto))]
[JsonSerializable(typeof(InfoDto))]
internal sealed partial class RegistryJsonContext : JsonSerializerContext;
