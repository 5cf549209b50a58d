using SchemaRegistry.Core.Formats;
using SchemaRegistry.Core.Lifecycle;

namespace SchemaRegistry.Core.Storage;

/// <summary>
/// A write to the store, as data. Each command is applied in one transaction and is durable before
/// <see cref="ISchemaStore.ExecuteAsync{TResult}"/> returns. Commands are plain records so that the same command can
/// later carry audit and outbox rows in its transaction, be batched with others into one commit, or be replicated
/// through a consensus log.
/// </summary>
/// <typeparam name="TResult">What the command returns once applied.</typeparam>
public abstract record StoreCommand<TResult>
{
    /// <summary>Who asked for the write (recorded in the change log).</summary>
    public string Actor { get; init; } = "anonymous";
}

/// <summary>Registers a version: finds or creates the content-addressed schema, then appends the version.</summary>
/// <param name="Subject">The subject.</param>
/// <param name="SchemaType">The format.</param>
/// <param name="CanonicalText">The canonical schema text.</param>
/// <param name="Fingerprint">SHA-256 of the canonical text, lower-case hex.</param>
/// <param name="References">The references, in declaration order.</param>
/// <param name="Semver">The semantic version.</param>
/// <param name="State">The initial state.</param>
/// <param name="Metadata">Description, owner, tags, properties.</param>
/// <param name="ExpectedLatestVersion">
/// The highest version number (soft-deleted included) the caller saw, or 0 for none; the store refuses the write
/// with <see cref="Errors.ErrorCode.WriteConflict"/> if another write got there first.
/// </param>
public sealed record RegisterVersionCommand(
    string Subject,
    string SchemaType,
    string CanonicalText,
    string Fingerprint,
    IReadOnlyList<SchemaReference> References,
    string Semver,
    VersionState State,
    VersionMetadata Metadata,
    int ExpectedLatestVersion) : StoreCommand<RegisteredVersion>
{
    /// <summary>IMPORT mode: the schema id to use (it must be free or hold the same content).</summary>
    public long? ExplicitId { get; init; }

    /// <summary>IMPORT mode: the version number to use (it must be free in the subject).</summary>
    public int? ExplicitVersion { get; init; }

    /// <summary>
    /// Permanently removes the subject's soft-deleted versions of this same schema, in the same transaction, after
    /// the new version number is chosen: Confluent moves a re-registered soft-deleted schema to the new version.
    /// </summary>
    public bool ReplaceSoftDeletedCopies { get; init; }
}

/// <summary>The outcome of <see cref="RegisterVersionCommand"/>.</summary>
/// <param name="SchemaId">The schema's global id.</param>
/// <param name="Version">The new version number.</param>
public sealed record RegisteredVersion(long SchemaId, int Version);

/// <summary>Soft-deletes (or, when <paramref name="Permanent"/>, removes) one version. Returns the version.</summary>
/// <param name="Subject">The subject.</param>
/// <param name="Version">The version.</param>
/// <param name="Permanent">Remove the row instead of marking it deleted.</param>
public sealed record DeleteVersionCommand(string Subject, int Version, bool Permanent) : StoreCommand<int>;

/// <summary>Soft-deletes (or removes) every version of a subject. Returns the versions affected.</summary>
/// <param name="Subject">The subject.</param>
/// <param name="Permanent">Remove the rows, with the subject's config and mode.</param>
public sealed record DeleteSubjectCommand(string Subject, bool Permanent) : StoreCommand<IReadOnlyList<int>>;

/// <summary>Sets the compatibility configuration of a subject, or the global one when <paramref name="Subject"/> is null.</summary>
/// <param name="Subject">The subject, or null for global.</param>
/// <param name="Config">The new configuration.</param>
public sealed record SetConfigCommand(string? Subject, SubjectConfig Config) : StoreCommand<SubjectConfig>;

/// <summary>Removes a subject's (or the global) configuration. Returns what was removed, or null.</summary>
/// <param name="Subject">The subject, or null for global.</param>
public sealed record DeleteConfigCommand(string? Subject) : StoreCommand<SubjectConfig?>;

/// <summary>Sets the mode of a subject, or the global one.</summary>
/// <param name="Subject">The subject, or null for global.</param>
/// <param name="Mode">The new mode.</param>
public sealed record SetModeCommand(string? Subject, RegistryMode Mode) : StoreCommand<RegistryMode>;

/// <summary>Removes a subject's (or the global) mode. Returns what was removed, or null.</summary>
/// <param name="Subject">The subject, or null for global.</param>
public sealed record DeleteModeCommand(string? Subject) : StoreCommand<RegistryMode?>;

/// <summary>Moves a version to another life cycle state.</summary>
/// <param name="Subject">The subject.</param>
/// <param name="Version">The version.</param>
/// <param name="State">The new state.</param>
/// <param name="SunsetAt">The sunset date (deprecation), or null.</param>
public sealed record ChangeStateCommand(string Subject, int Version, VersionState State, DateTimeOffset? SunsetAt) : StoreCommand<StoredVersion>;
