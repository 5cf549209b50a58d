namespace SchemaRegistry.Core.Storage;

/// <summary>
/// Where the registry keeps its state. One interface for every backend (SQLite embedded, PostgreSQL, a replicated
/// log); every backend passes the same conformance suite. Reads never block writes; writes are typed commands, each
/// applied atomically and durable before it is acknowledged.
/// </summary>
public interface ISchemaStore : IAsyncDisposable
{
    /// <summary>Opens the store and applies pending migrations. Safe to call once at start-up.</summary>
    ValueTask OpenAsync(CancellationToken token);

    /// <summary>True once the store is open and migrations are applied.</summary>
    bool IsReady { get; }

    /// <summary>Applies one write in one durable transaction.</summary>
    /// <exception cref="Errors.RegistryException">The write is refused (e.g. a conflicting version or id).</exception>
    ValueTask<TResult> ExecuteAsync<TResult>(StoreCommand<TResult> command, CancellationToken token);

    /// <summary>A schema by its global id, whether or not a live version uses it.</summary>
    ValueTask<StoredSchema?> GetSchemaAsync(long id, CancellationToken token);

    /// <summary>The schema with this content identity (format, fingerprint, references), if registered.</summary>
    ValueTask<StoredSchema?> FindSchemaAsync(string schemaType, string fingerprint, IReadOnlyList<Formats.SchemaReference> references, CancellationToken token);

    /// <summary>The highest schema id ever assigned, or 0.</summary>
    ValueTask<long> GetMaxSchemaIdAsync(CancellationToken token);

    /// <summary>
    /// Subject names, sorted ordinally. A subject is live when it has a live version; with
    /// <see cref="SubjectQuery.IncludeDeleted"/> subjects with only soft-deleted versions are listed too; with
    /// <see cref="SubjectQuery.DeletedOnly"/> only subjects that have soft-deleted versions.
    /// </summary>
    ValueTask<IReadOnlyList<string>> ListSubjectsAsync(SubjectQuery query, CancellationToken token);

    /// <summary>Every version row of a subject (soft-deleted ones only when asked), by version number.</summary>
    ValueTask<IReadOnlyList<StoredVersion>> GetVersionsAsync(string subject, bool includeDeleted, CancellationToken token);

    /// <summary>One version row, soft-deleted or not; null if there is no such row.</summary>
    ValueTask<StoredVersion?> GetVersionAsync(string subject, int version, CancellationToken token);

    /// <summary>The highest version number in the subject, soft-deleted rows included; 0 when none.</summary>
    ValueTask<int> GetMaxVersionAsync(string subject, CancellationToken token);

    /// <summary>Version rows matching a query across subjects (<c>GET /schemas</c>), by subject then version.</summary>
    ValueTask<IReadOnlyList<StoredVersion>> ListVersionsAsync(VersionQuery query, CancellationToken token);

    /// <summary>Every (subject, version) that uses a schema id.</summary>
    ValueTask<IReadOnlyList<SubjectVersionRef>> GetUsagesAsync(long schemaId, bool includeDeleted, CancellationToken token);

    /// <summary>Every version whose references name (subject, version); soft-deleted referrers only when asked.</summary>
    ValueTask<IReadOnlyList<StoredVersion>> GetReferrersAsync(string subject, int version, bool includeDeleted, CancellationToken token);

    /// <summary>The latest live version of each subject matching a search, by subject name.</summary>
    ValueTask<IReadOnlyList<StoredVersion>> SearchSubjectsAsync(SubjectSearch search, CancellationToken token);

    /// <summary>Live (not soft-deleted) versions counted by format and state, for the schemas gauge.</summary>
    ValueTask<IReadOnlyList<VersionCount>> CountVersionsAsync(CancellationToken token);

    /// <summary>The configuration of a subject, or the global one when <paramref name="subject"/> is null; null when unset.</summary>
    ValueTask<SubjectConfig?> GetConfigAsync(string? subject, CancellationToken token);

    /// <summary>The mode of a subject, or the global one; null when unset.</summary>
    ValueTask<RegistryMode?> GetModeAsync(string? subject, CancellationToken token);
}
