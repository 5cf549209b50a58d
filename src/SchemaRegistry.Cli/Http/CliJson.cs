using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using SchemaRegistry.Cli.Validation;

namespace SchemaRegistry.Cli.Http;

/// <summary>Source-generated serializers for every shape the CLI sends, reads or prints.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(RegisterSchemaRequest))]
[JsonSerializable(typeof(RegisterSchemaResponse))]
[JsonSerializable(typeof(CheckSchemaRequest))]
[JsonSerializable(typeof(CompatibilityReportDto))]
[JsonSerializable(typeof(VersionDto))]
[JsonSerializable(typeof(SchemaByIdDto))]
[JsonSerializable(typeof(SubjectPage))]
[JsonSerializable(typeof(DiffDto))]
[JsonSerializable(typeof(BatchResultDto))]
[JsonSerializable(typeof(ErrorBodyDto))]
[JsonSerializable(typeof(ValidationReport))]
internal sealed partial class CliJsonContext : JsonSerializerContext;

/// <summary>The two serializer configurations: compact for the wire, indented for <c>--output json</c>.</summary>
internal static class CliJson
{
    /// <summary>For requests and answers.</summary>
    public static CliJsonContext Wire { get; } = CliJsonContext.Default;

    /// <summary>For printing: indented, and without escaping <c>+</c>, <c>&lt;</c> or non-ASCII letters.</summary>
    public static CliJsonContext Pretty { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
