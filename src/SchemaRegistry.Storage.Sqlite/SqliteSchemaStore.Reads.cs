using Microsoft.Data.Sqlite;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Formats;
using SchemaRegistry.Core.Lifecycle;
using SchemaRegistry.Core.Storage;
using SchemaRegistry.Storage.Sqlite.Internal;

namespace SchemaRegistry.Storage.Sqlite;

// The read side. Each read is ONE statement on a pooled read-only connection, so it sees one committed snapshot
// (WAL) and never waits for the writer. Lookups by id and by (subject, version) are index seeks; list queries walk
// an index in the order they return, and the subjects summary table keeps subject listings O(subjects).
public sealed partial class SqliteSchemaStore
{
    /// <inheritdoc />
    public ValueTask<StoredSchema?> GetSchemaAsync(long id, CancellationToken token) =>
        Read(id, static (session, id) =>
        {
            using var reader = session.Command(Sql.SchemaById).Bind("$id", id).ExecuteReader();
            return reader.Read() ? RowMapper.Schema(reader) : null;
        }, token);

    /// <inheritdoc />
    /// <remarks>Returns the canonical id of the content; ids added by IMPORT for the same content are not returned here.</remarks>
    public ValueTask<StoredSchema?> FindSchemaAsync(string schemaType, string fingerprint, IReadOnlyList<SchemaReference> references, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(references);
        var referencesKey = StoreJson.ReferencesKey(StoreJson.References(references));
        return Read((schemaType, fingerprint, referencesKey), static (session, key) =>
        {
            using var reader = session.Command(Sql.SchemaByContent)
                .Bind("$type", key.schemaType)
                .Bind("$fingerprint", key.fingerprint)
                .Bind("$refs_key", key.referencesKey)
                .ExecuteReader();
            return reader.Read() ? RowMapper.Schema(reader) : null;
        }, token);
    }

    /// <inheritdoc />
    public ValueTask<long> GetMaxSchemaIdAsync(CancellationToken token) =>
        Read(0, static (session, _) => session.Scalar(Sql.MaxSchemaId) is long max ? max : 0L, token);

    /// <inheritdoc />
    /// <remarks>
    /// Precisely: by default, subjects with at least one live (not soft-deleted) version. With
    /// <see cref="SubjectQuery.IncludeDeleted"/>, subjects with any version row, live or soft-deleted. With
    /// <see cref="SubjectQuery.DeletedOnly"/> (which wins over IncludeDeleted), subjects whose every version row is
    /// soft deleted: Confluent's <c>deletedOnly=true</c> (a subject counts as deleted when all its versions are).
    /// Permanently deleted versions leave no trace.
    /// The prefix is ordinal (case-sensitive); an empty prefix lists all; Limit -1 (or any negative) means no limit.
    /// </remarks>
    public ValueTask<IReadOnlyList<string>> ListSubjectsAsync(SubjectQuery query, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(query);
        var prefix = string.IsNullOrEmpty(query.Prefix) ? null : query.Prefix;
        var upper = prefix is null ? null : SubjectPrefix.UpperBound(prefix);
        var sql = Sql.ListSubjects(query.IncludeDeleted, query.DeletedOnly, prefix is not null, upper is not null);
        return Read((sql, prefix, upper, query.Offset, query.Limit), static (session, q) =>
        {
            var command = BindPage(session.Command(q.sql), q.Offset, q.Limit);
            BindPrefix(command, q.prefix, q.upper);
            using var reader = command.ExecuteReader();
            var subjects = new List<string>();
            while (reader.Read()) subjects.Add(reader.GetString(0));
            return (IReadOnlyList<string>)subjects;
        }, token);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Every registration reads the whole history of its subject: the rows are kept between writes to the subject
    /// (<see cref="SubjectReadCache"/>), and when read they take each schema row from <see cref="SchemaRowCache"/>,
    /// reading only those it does not have yet (the schema texts in a history are the same each time).
    /// </remarks>
    public ValueTask<IReadOnlyList<StoredVersion>> GetVersionsAsync(string subject, bool includeDeleted, CancellationToken token)
    {
        // Memory answers only while the store is open, as the file does.
        if (_ready && _subjects.TryGetVersions(subject, out var cached)) return ValueTask.FromResult(includeDeleted ? cached : Live(cached));
        if (!_subjects.Enabled) return ReadVersions(subject, includeDeleted, token);
        // Read every row once (soft-deleted included) and keep them for the next caller, live ones or not.
        var epoch = _subjects.Epoch;
        var read = ReadVersions(subject, includeDeleted: true, token);
        if (!read.IsCompletedSuccessfully) return read; // reads run inline: this is a failure or a cancellation
        var all = read.Result;
        _subjects.AddVersions(subject, all, epoch);
        return ValueTask.FromResult(includeDeleted ? all : Live(all));
    }

    private static List<StoredVersion> Live(IReadOnlyList<StoredVersion> all)
    {
        var live = new List<StoredVersion>(all.Count);
        foreach (var version in all)
        {
            if (!version.Deleted) live.Add(version);
        }
        return live;
    }

    private ValueTask<IReadOnlyList<StoredVersion>> ReadVersions(string subject, bool includeDeleted, CancellationToken token) =>
        Read((subject, includeDeleted, _schemaRows), static (session, q) =>
        {
            var versions = new List<StoredVersion>();
            List<int>? missing = null;
            using (var reader = session.Command(q.includeDeleted ? Sql.VersionRowsOfSubject : Sql.LiveVersionRowsOfSubject).Bind("$subject", q.subject).ExecuteReader())
            {
                while (reader.Read())
                {
                    var schemaId = reader.GetInt64(11);
                    if (!q._schemaRows.TryGet(schemaId, out var schema))
                    {
                        (missing ??= []).Add(versions.Count);
                        schema = new StoredSchema(schemaId, "", "", "", []);
                    }
                    versions.Add(RowMapper.VersionAround(reader, schema));
                }
            }
            // Committed rows (the version rows just read reference them), read in a later statement: a schema row
            // never changes, so this snapshot and the version rows' one agree on it.
            foreach (var index in missing ?? [])
            {
                var id = versions[index].Schema.Id;
                if (!q._schemaRows.TryGet(id, out var schema))
                {
                    using var reader = session.Command(Sql.SchemaById).Bind("$id", id).ExecuteReader();
                    if (!reader.Read())
                        throw new RegistryException(ErrorCode.StoreError, $"Version {versions[index].Version} of '{q.subject}' names schema {id}, which the store does not hold.");
                    schema = RowMapper.Schema(reader);
                    q._schemaRows.Add(schema);
                }
                versions[index] = versions[index] with { Schema = schema };
            }
            return (IReadOnlyList<StoredVersion>)versions.AsReadOnly();
        }, token);

    /// <inheritdoc />
    public ValueTask<StoredVersion?> GetVersionAsync(string subject, int version, CancellationToken token) =>
        Read((subject, version), static (session, key) =>
        {
            using var reader = session.Command(Sql.VersionByKey).Bind("$subject", key.subject).Bind("$version", key.version).ExecuteReader();
            return reader.Read() ? RowMapper.Version(reader, null) : null;
        }, token);

    /// <inheritdoc />
    public ValueTask<int> GetMaxVersionAsync(string subject, CancellationToken token) =>
        Read(subject, static (session, subject) =>
            session.Command(Sql.MaxVersion).Bind("$subject", subject).ExecuteScalar() is long max ? (int)max : 0, token);

    /// <inheritdoc />
    /// <remarks>
    /// With <see cref="VersionQuery.LatestOnly"/>, each subject's highest version among the rows the query admits:
    /// its latest live version by default, its highest row (live or soft-deleted) with IncludeDeleted.
    /// </remarks>
    public ValueTask<IReadOnlyList<StoredVersion>> ListVersionsAsync(VersionQuery query, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(query);
        var prefix = string.IsNullOrEmpty(query.SubjectPrefix) ? null : query.SubjectPrefix;
        var upper = prefix is null ? null : SubjectPrefix.UpperBound(prefix);
        var sql = Sql.ListVersions(query.IncludeDeleted, query.LatestOnly, prefix is not null, upper is not null);
        return Read((sql, prefix, upper, query.Offset, query.Limit), static (session, q) =>
        {
            var command = BindPage(session.Command(q.sql), q.Offset, q.Limit);
            BindPrefix(command, q.prefix, q.upper);
            return (IReadOnlyList<StoredVersion>)RowMapper.Versions(command);
        }, token);
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<SubjectVersionRef>> GetUsagesAsync(long schemaId, bool includeDeleted, CancellationToken token) =>
        Read((schemaId, includeDeleted), static (session, q) =>
        {
            using var reader = session.Command(q.includeDeleted ? Sql.Usages : Sql.LiveUsages).Bind("$id", q.schemaId).ExecuteReader();
            var usages = new List<SubjectVersionRef>();
            while (reader.Read()) usages.Add(new SubjectVersionRef(reader.GetString(0), reader.GetInt32(1), reader.GetInt64(2) != 0));
            return (IReadOnlyList<SubjectVersionRef>)usages;
        }, token);

    /// <inheritdoc />
    /// <remarks>Each referring version once (even if it names the target twice), by subject then version.</remarks>
    public ValueTask<IReadOnlyList<StoredVersion>> GetReferrersAsync(string subject, int version, bool includeDeleted, CancellationToken token) =>
        Read((subject, version, includeDeleted), static (session, q) =>
            (IReadOnlyList<StoredVersion>)RowMapper.Versions(
                session.Command(q.includeDeleted ? Sql.Referrers : Sql.LiveReferrers).Bind("$subject", q.subject).Bind("$version", q.version)), token);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<VersionCount>> CountVersionsAsync(CancellationToken token) =>
        Read(0, static (session, _) =>
        {
            using var reader = session.Command(Sql.CountLiveVersions).ExecuteReader();
            var counts = new List<VersionCount>();
            while (reader.Read()) counts.Add(new VersionCount(reader.GetString(0), RowMapper.ParseState(reader.GetString(1)), reader.GetInt64(2)));
            return (IReadOnlyList<VersionCount>)counts;
        }, token);

    /// <inheritdoc />
    /// <remarks>
    /// Filters combine with AND; a null or empty filter is not applied. Prefix is ordinal; Namespace is exact (the
    /// part before the last dot, <c>default</c> for subjects without one); Tag is an exact tag, compared
    /// case-insensitively; SchemaType is compared case-insensitively; Text is a case-insensitive substring of the
    /// subject, the description, the owner or a tag. Only each subject's latest live version is considered: a subject
    /// whose versions are all soft-deleted is never found. A negative Limit means no limit.
    /// </remarks>
    public ValueTask<IReadOnlyList<StoredVersion>> SearchSubjectsAsync(SubjectSearch search, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(search);
        var prefix = string.IsNullOrEmpty(search.Prefix) ? null : search.Prefix;
        var upper = prefix is null ? null : SubjectPrefix.UpperBound(prefix);
        var filter = new SearchFilter(
            prefix,
            upper,
            string.IsNullOrEmpty(search.Namespace) ? null : search.Namespace,
            string.IsNullOrEmpty(search.Tag) ? null : search.Tag.ToLowerInvariant(),
            search.State?.ToWire(),
            string.IsNullOrEmpty(search.SchemaType) ? null : search.SchemaType,
            string.IsNullOrEmpty(search.Text) ? null : search.Text.ToLowerInvariant(),
            search.Offset,
            search.Limit);
        return Read(filter, static (session, f) =>
        {
            var sql = Sql.Search(f.Prefix is not null, f.PrefixEnd is not null, f.Namespace is not null, f.Tag is not null,
                f.State is not null, f.SchemaType is not null, f.Text is not null);
            var command = BindPage(session.Command(sql), f.Offset, f.Limit);
            BindPrefix(command, f.Prefix, f.PrefixEnd);
            if (f.Namespace is not null) command.Bind("$namespace", f.Namespace);
            if (f.Tag is not null) command.Bind("$tag", f.Tag);
            if (f.State is not null) command.Bind("$state", f.State);
            if (f.SchemaType is not null) command.Bind("$schema_type", f.SchemaType);
            if (f.Text is not null) command.Bind("$text", f.Text);
            return (IReadOnlyList<StoredVersion>)RowMapper.Versions(command);
        }, token);
    }

    /// <inheritdoc />
    public ValueTask<SubjectConfig?> GetConfigAsync(string? subject, CancellationToken token)
    {
        if (_ready && _subjects.TryGetConfig(subject, out var cached)) return ValueTask.FromResult(cached);
        var epoch = _subjects.Epoch;
        var read = Read(subject, static (session, subject) =>
        {
            using var reader = session.Command(Sql.ConfigByScope)
                .Bind("$scope", subject is null ? 0 : 1).Bind("$subject", subject ?? string.Empty).ExecuteReader();
            return reader.Read() ? RowMapper.Config(reader) : null;
        }, token);
        if (read.IsCompletedSuccessfully) _subjects.AddConfig(subject, read.Result, epoch);
        return read;
    }

    /// <inheritdoc />
    public ValueTask<RegistryMode?> GetModeAsync(string? subject, CancellationToken token)
    {
        if (_ready && _subjects.TryGetMode(subject, out var cached)) return ValueTask.FromResult(cached);
        var epoch = _subjects.Epoch;
        var read = Read(subject, static (session, subject) =>
            session.Command(Sql.ModeByScope).Bind("$scope", subject is null ? 0 : 1).Bind("$subject", subject ?? string.Empty).ExecuteScalar()
                is string mode ? RowMapper.ParseMode(mode) : (RegistryMode?)null, token);
        if (read.IsCompletedSuccessfully) _subjects.AddMode(subject, read.Result, epoch);
        return read;
    }

    private sealed record SearchFilter(
        string? Prefix, string? PrefixEnd, string? Namespace, string? Tag, string? State, string? SchemaType, string? Text, int Offset, int Limit);

    private static SqliteCommand BindPage(SqliteCommand command, int offset, int limit) =>
        command.Bind("$limit", limit < 0 ? -1 : limit).Bind("$offset", Math.Max(0, offset));

    private static void BindPrefix(SqliteCommand command, string? prefix, string? upper)
    {
        if (prefix is not null) command.Bind("$prefix", prefix);
        if (upper is not null) command.Bind("$prefix_end", upper);
    }

    /// <summary>
    /// Runs one read on a pooled connection. Failures come back as a faulted task, never thrown synchronously;
    /// SQLite errors become <see cref="ErrorCode.StoreError"/>; cancellation interrupts a running statement.
    /// </summary>
    private ValueTask<T> Read<TState, T>(TState state, Func<SqlSession, TState, T> query, CancellationToken token)
    {
        if (token.IsCancellationRequested) return ValueTask.FromCanceled<T>(token);
        var readers = _readers;
        if (readers is null || !_ready) return ValueTask.FromException<T>(NotOpen());
        SqlSession session;
        try
        {
            session = readers.Rent();
        }
        catch (ObjectDisposedException exception)
        {
            return ValueTask.FromException<T>(exception);
        }
        catch (SqliteException exception)
        {
            return ValueTask.FromException<T>(StoreErrors.Read(exception));
        }

        var healthy = false;
        try
        {
            T result;
            using (token.CanBeCanceled ? token.UnsafeRegister(static s => ((SqlSession)s!).Interrupt(), session) : default)
            {
                result = query(session, state);
            }
            healthy = true;
            return ValueTask.FromResult(result);
        }
        catch (SqliteException) when (token.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<T>(token);
        }
        catch (SqliteException exception)
        {
            return ValueTask.FromException<T>(StoreErrors.Read(exception));
        }
        catch (RegistryException exception)
        {
            return ValueTask.FromException<T>(exception);
        }
        finally
        {
            readers.Return(session, healthy);
        }
    }
}
