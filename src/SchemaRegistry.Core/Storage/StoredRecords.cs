using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Core.Formats;
using SchemaRegistry.Core.Lifecycle;

namespace SchemaRegistry.Core.Storage;

/// <summary>A content-addressed schema: the same canonical content, format and references always have the same id.</summary>
/// <param name="Id">The global id, never reused.</param>
/// <param name="SchemaType">The format.</param>
/// <param name="Text">The canonical text.</param>
/// <param name="Fingerprint">SHA-256 of the canonical text, lower-case hex.</param>
/// <param name="References">The references, in declaration order.</param>
public sealed record StoredSchema(long Id, string SchemaType, string Text, string Fingerprint, IReadOnlyList<SchemaReference> References);

/// <summary>Descriptive metadata of a version, set by the native API.</summary>
/// <param name="Description">What the schema is for.</param>
/// <param name="Owner">The owning team or person.</param>
/// <param name="Tags">Free tags for search.</param>
/// <param name="Properties">Free key/value metadata.</param>
public sealed record VersionMetadata(
    string? Description,
    string? Owner,
    IReadOnlyList<string> Tags,
    IReadOnlyDictionary<string, string> Properties)
{
    /// <summary>No metadata.</summary>
    public static VersionMetadata Empty { get; } = new(null, null, [], new Dictionary<string, string>());
}

/// <summary>A version of a subject, with its schema.</summary>
/// <param name="Subject">The subject.</param>
/// <param name="Version">The integer version, 1, 2, 3...</param>
/// <param name="Schema">The schema it points at.</param>
/// <param name="Semver">The semantic version.</param>
/// <param name="State">The life cycle state.</param>
/// <param name="SunsetAt">When a deprecated version is due to be archived.</param>
/// <param name="Deleted">True once soft deleted.</param>
/// <param name="CreatedAt">When it was registered.</param>
/// <param name="Metadata">Description, owner, tags, properties.</param>
public sealed record StoredVersion(
    string Subject,
    int Version,
    StoredSchema Schema,
    string Semver,
    VersionState State,
    DateTimeOffset? SunsetAt,
    bool Deleted,
    DateTimeOffset CreatedAt,
    VersionMetadata Metadata);

/// <summary>A (subject, version) pair.</summary>
/// <param name="Subject">The subject.</param>
/// <param name="Version">The version.</param>
/// <param name="Deleted">True when the version is soft deleted.</param>
public sealed record SubjectVersionRef(string Subject, int Version, bool Deleted);

/// <summary>A compatibility configuration, global or per subject. Null fields are not set at this level.</summary>
/// <param name="Level">The compatibility level.</param>
/// <param name="Normalize">Whether registrations are normalized by default.</param>
public sealed record SubjectConfig(CompatibilityLevel? Level, bool? Normalize);

/// <summary>Which subjects to list.</summary>
/// <param name="Prefix">Only subjects starting with this (ordinal).</param>
/// <param name="IncludeDeleted">Also subjects whose versions are all soft deleted.</param>
/// <param name="DeletedOnly">Only soft-deleted subjects (see <see cref="ISchemaStore.ListSubjectsAsync"/>).</param>
/// <param name="Offset">Skip this many (after sorting by name).</param>
/// <param name="Limit">At most this many; -1 for all.</param>
public sealed record SubjectQuery(string? Prefix = null, bool IncludeDeleted = false, bool DeletedOnly = false, int Offset = 0, int Limit = -1);

/// <summary>Which schemas to list (<c>GET /schemas</c>).</summary>
/// <param name="SubjectPrefix">Only versions of subjects starting with this.</param>
/// <param name="IncludeDeleted">Also soft-deleted versions.</param>
/// <param name="LatestOnly">Only the latest version of each subject.</param>
/// <param name="Offset">Skip this many.</param>
/// <param name="Limit">At most this many; -1 for all.</param>
public sealed record VersionQuery(string? SubjectPrefix = null, bool IncludeDeleted = false, bool LatestOnly = false, int Offset = 0, int Limit = -1);

/// <summary>A search over subjects by their latest live version (native API).</summary>
/// <param name="Prefix">Subject prefix.</param>
/// <param name="Namespace">Exact namespace (the part before the last dot; <c>default</c> for none).</param>
/// <param name="Tag">A tag the latest version carries (exact, case-insensitive).</param>
/// <param name="State">The latest version's state.</param>
/// <param name="SchemaType">The format.</param>
/// <param name="Text">Free text: matched case-insensitively against subject, description, owner and tags.</param>
/// <param name="Offset">Skip this many.</param>
/// <param name="Limit">At most this many.</param>
public sealed record SubjectSearch(
    string? Prefix = null,
    string? Namespace = null,
    string? Tag = null,
    VersionState? State = null,
    string? SchemaType = null,
    string? Text = null,
    int Offset = 0,
    int Limit = 100);

/// <summary>How many live versions have a format and a state.</summary>
/// <param name="SchemaType">The format.</param>
/// <param name="State">The life cycle state.</param>
/// <param name="Count">The number of live versions.</param>
public sealed record VersionCount(string SchemaType, VersionState State, long Count);
