namespace SchemaRegistry.Cli.Http;

// The CLI's own copies of the native API's shapes (camelCase on the wire). Only what the CLI reads or sends is here;
// unknown fields in answers are ignored, so the server can grow without breaking the CLI.

/// <summary>A reference to a version of another subject.</summary>
/// <param name="Name">How the schema names it (a <c>$ref</c> URI for JSON Schema).</param>
/// <param name="Subject">The referenced subject.</param>
/// <param name="Version">The pinned version (-1: the latest at registration).</param>
internal sealed record SchemaReferenceDto(string Name, string Subject, int Version);

/// <summary>The body of <c>POST /api/v1/schemas</c>.</summary>
internal sealed class RegisterSchemaRequest
{
    /// <summary>The subject.</summary>
    public string Subject { get; set; } = "";
    /// <summary>JSON, AVRO or PROTOBUF.</summary>
    public string SchemaType { get; set; } = "JSON";
    /// <summary>The schema text, sent as a JSON string (any format).</summary>
    public string Schema { get; set; } = "";
    /// <summary>References to other subjects.</summary>
    public List<SchemaReferenceDto>? References { get; set; }
    /// <summary>An explicit semantic version.</summary>
    public string? Semver { get; set; }
    /// <summary>ACTIVE (default) or DRAFT.</summary>
    public string? State { get; set; }
    /// <summary>What the schema is for.</summary>
    public string? Description { get; set; }
    /// <summary>The owning team or person.</summary>
    public string? Owner { get; set; }
    /// <summary>Tags for search.</summary>
    public List<string>? Tags { get; set; }
    /// <summary>Normalize before registering.</summary>
    public bool? Normalize { get; set; }
}

/// <summary>The body of <c>POST /api/v1/compatibility/subjects/{subject}</c>.</summary>
internal sealed class CheckSchemaRequest
{
    /// <summary>JSON, AVRO or PROTOBUF.</summary>
    public string SchemaType { get; set; } = "JSON";
    /// <summary>The candidate schema text.</summary>
    public string Schema { get; set; } = "";
    /// <summary>References to other subjects.</summary>
    public List<SchemaReferenceDto>? References { get; set; }
    /// <summary>Normalize before comparing.</summary>
    public bool? Normalize { get; set; }
}

/// <summary>One change of a diff.</summary>
/// <param name="Kind">The change kind.</param>
/// <param name="Path">A JSON pointer into the schema.</param>
/// <param name="Message">What changed.</param>
/// <param name="Impact">ANNOTATION, COMPATIBLE or BREAKING.</param>
internal sealed record ChangeDto(string Kind, string Path, string Message, string Impact);

/// <summary>The answer to a registration.</summary>
internal sealed class RegisterSchemaResponse
{
    /// <summary>The schema's global id.</summary>
    public long Id { get; set; }
    /// <summary>The subject.</summary>
    public string Subject { get; set; } = "";
    /// <summary>The integer version.</summary>
    public int Version { get; set; }
    /// <summary>The semantic version.</summary>
    public string Semver { get; set; } = "";
    /// <summary>False when the subject already had this schema.</summary>
    public bool Created { get; set; }
    /// <summary>The diff from the previous latest version.</summary>
    public List<ChangeDto> Changes { get; set; } = [];
}

/// <summary>A version with everything the registry knows about it.</summary>
internal sealed class VersionDto
{
    /// <summary>The subject.</summary>
    public string Subject { get; set; } = "";
    /// <summary>The namespace.</summary>
    public string Namespace { get; set; } = "";
    /// <summary>The name within the namespace.</summary>
    public string Name { get; set; } = "";
    /// <summary>The integer version.</summary>
    public int Version { get; set; }
    /// <summary>The semantic version.</summary>
    public string Semver { get; set; } = "";
    /// <summary>The schema's global id.</summary>
    public long Id { get; set; }
    /// <summary>The format.</summary>
    public string SchemaType { get; set; } = "";
    /// <summary>The schema text.</summary>
    public string Schema { get; set; } = "";
    /// <summary>SHA-256 of the canonical text.</summary>
    public string Fingerprint { get; set; } = "";
    /// <summary>References, if any.</summary>
    public List<SchemaReferenceDto>? References { get; set; }
    /// <summary>DRAFT, ACTIVE, DEPRECATED, ARCHIVED.</summary>
    public string State { get; set; } = "";
    /// <summary>For a deprecated version: when it is due to be archived.</summary>
    public DateTimeOffset? SunsetAt { get; set; }
    /// <summary>True once soft deleted.</summary>
    public bool Deleted { get; set; }
    /// <summary>When it was registered.</summary>
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>What the schema is for.</summary>
    public string? Description { get; set; }
    /// <summary>The owner.</summary>
    public string? Owner { get; set; }
    /// <summary>Tags.</summary>
    public List<string>? Tags { get; set; }
    /// <summary>Free metadata.</summary>
    public Dictionary<string, string>? Metadata { get; set; }
}

/// <summary>A (subject, version) using a schema.</summary>
/// <param name="Subject">The subject.</param>
/// <param name="Version">The version.</param>
internal sealed record UsageDto(string Subject, int Version);

/// <summary>A schema by global id.</summary>
internal sealed class SchemaByIdDto
{
    /// <summary>The global id.</summary>
    public long Id { get; set; }
    /// <summary>The format.</summary>
    public string SchemaType { get; set; } = "";
    /// <summary>The schema text.</summary>
    public string Schema { get; set; } = "";
    /// <summary>SHA-256 of the canonical text.</summary>
    public string Fingerprint { get; set; } = "";
    /// <summary>References, if any.</summary>
    public List<SchemaReferenceDto>? References { get; set; }
    /// <summary>Every live (subject, version) using it.</summary>
    public List<UsageDto> UsedBy { get; set; } = [];
}

/// <summary>A subject in a listing: its latest live version.</summary>
internal sealed class SubjectSummaryDto
{
    /// <summary>The subject.</summary>
    public string Subject { get; set; } = "";
    /// <summary>The namespace.</summary>
    public string Namespace { get; set; } = "";
    /// <summary>The latest live version.</summary>
    public int LatestVersion { get; set; }
    /// <summary>Its semantic version.</summary>
    public string Semver { get; set; } = "";
    /// <summary>Its schema id.</summary>
    public long Id { get; set; }
    /// <summary>Its format.</summary>
    public string SchemaType { get; set; } = "";
    /// <summary>Its state.</summary>
    public string State { get; set; } = "";
    /// <summary>Its description.</summary>
    public string? Description { get; set; }
    /// <summary>Its owner.</summary>
    public string? Owner { get; set; }
    /// <summary>Its tags.</summary>
    public List<string>? Tags { get; set; }
}

/// <summary>A page of subjects.</summary>
internal sealed class SubjectPage
{
    /// <summary>The subjects on this page.</summary>
    public List<SubjectSummaryDto> Items { get; set; } = [];
    /// <summary>The offset asked for.</summary>
    public int Offset { get; set; }
    /// <summary>The page size asked for.</summary>
    public int Limit { get; set; }
}

/// <summary>One reason a candidate is incompatible.</summary>
/// <param name="AgainstVersion">The earlier version it breaks.</param>
/// <param name="Direction">BACKWARD or FORWARD.</param>
/// <param name="Kind">The change kind.</param>
/// <param name="Path">Where.</param>
/// <param name="Message">What.</param>
internal sealed record ViolationDto(int AgainstVersion, string Direction, string Kind, string Path, string Message);

/// <summary>The answer to a compatibility check.</summary>
internal sealed class CompatibilityReportDto
{
    /// <summary>The verdict at the subject's level.</summary>
    public bool Compatible { get; set; }
    /// <summary>The subject's level.</summary>
    public string Level { get; set; } = "";
    /// <summary>The latest live version compared against, if any.</summary>
    public int? AgainstVersion { get; set; }
    /// <summary>The semver the candidate would get.</summary>
    public string ProposedSemver { get; set; } = "";
    /// <summary>The verdict at every level.</summary>
    public Dictionary<string, bool> Verdicts { get; set; } = [];
    /// <summary>Why not, at the subject's level.</summary>
    public List<ViolationDto> Violations { get; set; } = [];
    /// <summary>The full diff from the latest live version.</summary>
    public List<ChangeDto> Changes { get; set; } = [];
}

/// <summary>A version named in a diff.</summary>
/// <param name="Subject">The subject.</param>
/// <param name="Version">The version.</param>
/// <param name="Semver">Its semantic version.</param>
/// <param name="Id">Its schema id.</param>
internal sealed record VersionRefDto(string Subject, int Version, string Semver, long Id);

/// <summary>The diff between two versions.</summary>
internal sealed class DiffDto
{
    /// <summary>The older side.</summary>
    public VersionRefDto? From { get; set; }
    /// <summary>The newer side.</summary>
    public VersionRefDto? To { get; set; }
    /// <summary>MAJOR, MINOR or PATCH.</summary>
    public string Bump { get; set; } = "";
    /// <summary>True when To reads data written with From.</summary>
    public bool BackwardCompatible { get; set; }
    /// <summary>True when From reads data written with To.</summary>
    public bool ForwardCompatible { get; set; }
    /// <summary>Every change.</summary>
    public List<ChangeDto> Changes { get; set; } = [];
}

/// <summary>One validation error of a document.</summary>
/// <param name="InstancePath">A JSON pointer into the document.</param>
/// <param name="SchemaPath">A JSON pointer into the schema.</param>
/// <param name="Keyword">The keyword that failed.</param>
/// <param name="Message">What is wrong.</param>
internal sealed record ValidationErrorDto(string InstancePath, string SchemaPath, string Keyword, string Message);

/// <summary>One document's verdict in a batch.</summary>
internal sealed class BatchItemDto
{
    /// <summary>The document's index in the batch.</summary>
    public int Index { get; set; }
    /// <summary>Its verdict.</summary>
    public bool Valid { get; set; }
    /// <summary>Why not.</summary>
    public List<ValidationErrorDto> Errors { get; set; } = [];
}

/// <summary>The answer to <c>POST /api/v1/validate/{id}/batch</c>.</summary>
internal sealed class BatchResultDto
{
    /// <summary>How many documents are valid.</summary>
    public int Valid { get; set; }
    /// <summary>How many are not.</summary>
    public int Invalid { get; set; }
    /// <summary>Every document's verdict, in order.</summary>
    public List<BatchItemDto> Results { get; set; } = [];
}

/// <summary>An error answer in either API's shape: RFC 7807 under /api/v1, Confluent's at the root.</summary>
internal sealed class ErrorBodyDto
{
    /// <summary>Problem: a short title.</summary>
    public string? Title { get; set; }
    /// <summary>Problem: what went wrong.</summary>
    public string? Detail { get; set; }
    /// <summary>Problem: the registry's error code.</summary>
    public int? Code { get; set; }
    /// <summary>Problem: the individual reasons (e.g. every compatibility violation).</summary>
    public List<string>? Errors { get; set; }
    /// <summary>Confluent: the error code.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("error_code")]
    public int? ErrorCode { get; set; }
    /// <summary>Confluent: the message.</summary>
    public string? Message { get; set; }
}
