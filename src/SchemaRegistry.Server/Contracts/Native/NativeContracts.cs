using System.Text.Json;

namespace SchemaRegistry.Server.Contracts.Native;

// The shapes of the native API under /api/v1 (camelCase, nulls omitted).

/// <summary>A reference to a version of another subject.</summary>
/// <param name="Name">How the schema names it (a <c>$ref</c> URI for JSON Schema).</param>
/// <param name="Subject">The referenced subject.</param>
/// <param name="Version">The pinned version (-1 pins the latest at registration).</param>
public sealed record NativeReference(string Name, string Subject, int Version);

/// <summary>The body of <c>POST /api/v1/schemas</c>.</summary>
public sealed class RegisterSchemaRequest
{
    /// <summary>The subject; or give <see cref="Namespace"/> and <see cref="Name"/>.</summary>
    public string? Subject { get; set; }
    /// <summary>The namespace (the subject is <c>namespace.name</c>).</summary>
    public string? Namespace { get; set; }
    /// <summary>The name within the namespace.</summary>
    public string? Name { get; set; }
    /// <summary>The format: JSON (default), AVRO, PROTOBUF.</summary>
    public string? SchemaType { get; set; }
    /// <summary>The schema: a JSON value (JSON Schema) or a string (any format).</summary>
    public JsonElement Schema { get; set; }
    /// <summary>References to other subjects.</summary>
    public List<NativeReference>? References { get; set; }
    /// <summary>An explicit semantic version; it must agree with the diff.</summary>
    public string? Semver { get; set; }
    /// <summary>The initial state: ACTIVE (default) or DRAFT.</summary>
    public string? State { get; set; }
    /// <summary>What the schema is for.</summary>
    public string? Description { get; set; }
    /// <summary>The owning team or person.</summary>
    public string? Owner { get; set; }
    /// <summary>Tags for search.</summary>
    public List<string>? Tags { get; set; }
    /// <summary>Free key/value metadata.</summary>
    public Dictionary<string, string>? Metadata { get; set; }
    /// <summary>Normalize before registering.</summary>
    public bool? Normalize { get; set; }
}

/// <summary>The body of a native compatibility check.</summary>
public sealed class CheckSchemaRequest
{
    /// <summary>The format: JSON (default), AVRO, PROTOBUF.</summary>
    public string? SchemaType { get; set; }
    /// <summary>The candidate schema: a JSON value or a string.</summary>
    public JsonElement Schema { get; set; }
    /// <summary>References to other subjects.</summary>
    public List<NativeReference>? References { get; set; }
    /// <summary>Normalize before comparing.</summary>
    public bool? Normalize { get; set; }
}

/// <summary>The body of a state change.</summary>
public sealed class StateChangeRequest
{
    /// <summary>DRAFT, ACTIVE, DEPRECATED, ARCHIVED.</summary>
    public string? State { get; set; }
    /// <summary>For DEPRECATED: when the version is due to be archived (default: 90 days from now).</summary>
    public DateTimeOffset? SunsetAt { get; set; }
}

/// <summary>One change of a diff.</summary>
/// <param name="Kind">The change kind.</param>
/// <param name="Path">A JSON pointer into the schema.</param>
/// <param name="Message">What changed.</param>
/// <param name="Impact">ANNOTATION, COMPATIBLE or BREAKING.</param>
public sealed record ChangeDto(string Kind, string Path, string Message, string Impact);

/// <summary>The answer to a registration.</summary>
public sealed class RegisterSchemaResponse
{
    /// <summary>The schema's global id.</summary>
    public long Id { get; set; }
    /// <summary>The subject.</summary>
    public string Subject { get; set; } = "";
    /// <summary>The integer version.</summary>
    public int Version { get; set; }
    /// <summary>The semantic version.</summary>
    public string Semver { get; set; } = "";
    /// <summary>False when the subject already had this schema and nothing was written.</summary>
    public bool Created { get; set; }
    /// <summary>The diff from the previous latest version.</summary>
    public List<ChangeDto> Changes { get; set; } = [];
}

/// <summary>A version with everything the registry knows about it.</summary>
public sealed class VersionDto
{
    /// <summary>The subject.</summary>
    public string Subject { get; set; } = "";
    /// <summary>The part of the subject before the last dot (<c>default</c> when none).</summary>
    public string Namespace { get; set; } = "";
    /// <summary>The part after the last dot.</summary>
    public string Name { get; set; } = "";
    /// <summary>The integer version.</summary>
    public int Version { get; set; }
    /// <summary>The semantic version.</summary>
    public string Semver { get; set; } = "";
    /// <summary>The schema's global id.</summary>
    public long Id { get; set; }
    /// <summary>The format.</summary>
    public string SchemaType { get; set; } = "";
    /// <summary>The schema text, as registered (canonical whitespace).</summary>
    public string Schema { get; set; } = "";
    /// <summary>SHA-256 of the canonical schema text.</summary>
    public string Fingerprint { get; set; } = "";
    /// <summary>References, if any.</summary>
    public List<NativeReference>? References { get; set; }
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

/// <summary>A subject in a listing: its latest live version, summarised.</summary>
public sealed class SubjectSummaryDto
{
    /// <summary>The subject.</summary>
    public string Subject { get; set; } = "";
    /// <summary>The namespace.</summary>
    public string Namespace { get; set; } = "";
    /// <summary>The name.</summary>
    public string Name { get; set; } = "";
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
public sealed class SubjectPage
{
    /// <summary>The subjects on this page.</summary>
    public List<SubjectSummaryDto> Items { get; set; } = [];
    /// <summary>The offset asked for.</summary>
    public int Offset { get; set; }
    /// <summary>The page size asked for.</summary>
    public int Limit { get; set; }
}

/// <summary>A subject with its versions.</summary>
public sealed class SubjectDto
{
    /// <summary>The subject.</summary>
    public string Subject { get; set; } = "";
    /// <summary>The namespace.</summary>
    public string Namespace { get; set; } = "";
    /// <summary>The name.</summary>
    public string Name { get; set; } = "";
    /// <summary>The compatibility level in force.</summary>
    public string Compatibility { get; set; } = "";
    /// <summary>Every version, oldest first (without schema text).</summary>
    public List<VersionSummaryDto> Versions { get; set; } = [];
}

/// <summary>A version in a list.</summary>
public sealed class VersionSummaryDto
{
    /// <summary>The integer version.</summary>
    public int Version { get; set; }
    /// <summary>The semantic version.</summary>
    public string Semver { get; set; } = "";
    /// <summary>The schema id.</summary>
    public long Id { get; set; }
    /// <summary>The state.</summary>
    public string State { get; set; } = "";
    /// <summary>True once soft deleted.</summary>
    public bool Deleted { get; set; }
    /// <summary>When it was registered.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A schema by id, with where it is used.</summary>
public sealed class SchemaByIdDto
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
    public List<NativeReference>? References { get; set; }
    /// <summary>Every live (subject, version) using it.</summary>
    public List<UsageDto> UsedBy { get; set; } = [];
    /// <summary>The evaluation path its validator takes (e.g. <c>compiled</c> or <c>library</c>).</summary>
    public string? Validator { get; set; }
    /// <summary>For a schema with several message types (Protobuf): their names, the first being the default.</summary>
    public List<string>? Messages { get; set; }
}

/// <summary>A (subject, version) using a schema.</summary>
/// <param name="Subject">The subject.</param>
/// <param name="Version">The version.</param>
public sealed record UsageDto(string Subject, int Version);

/// <summary>One reason a candidate is incompatible.</summary>
/// <param name="AgainstVersion">The earlier version it breaks.</param>
/// <param name="Direction">BACKWARD (new reads old) or FORWARD (old reads new).</param>
/// <param name="Kind">The change kind.</param>
/// <param name="Path">Where.</param>
/// <param name="Message">What.</param>
public sealed record ViolationDto(int AgainstVersion, string Direction, string Kind, string Path, string Message);

/// <summary>The answer to a native compatibility check.</summary>
public sealed class CompatibilityReportDto
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
public sealed record VersionRefDto(string Subject, int Version, string Semver, long Id);

/// <summary>The diff between two versions.</summary>
public sealed class DiffDto
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

/// <summary>The enumeration of formats, levels, states and modes (<c>GET /api/v1/info</c>).</summary>
public sealed class InfoDto
{
    /// <summary>The registry's version.</summary>
    public string Version { get; set; } = "";
    /// <summary>Supported schema types.</summary>
    public List<string> SchemaTypes { get; set; } = [];
    /// <summary>Compatibility levels.</summary>
    public List<string> CompatibilityLevels { get; set; } = [];
    /// <summary>Version states.</summary>
    public List<string> States { get; set; } = [];
}
