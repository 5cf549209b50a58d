using System.Buffers;
using System.Text;
using System.Text.Json;
using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Lifecycle;
using SchemaRegistry.Core.Storage;
using SchemaRegistry.Core.Subjects;

namespace SchemaRegistry.Storage.Sqlite.Internal;

/// <summary>
/// Applies one command's rows on the writer session. The caller (<see cref="GroupCommitWriter"/>) has opened the
/// batch transaction and a savepoint for this command: any exception thrown here rolls back exactly this command's
/// rows. Every command writes its <c>change_log</c> row in the same savepoint, so the log holds committed commands only.
/// Runs on the writer thread only.
/// </summary>
internal sealed class CommandApplier(SqlSession session, TimeProvider clock) : IDisposable
{
    private const char SearchSeparator = '\u001f';

    private readonly ArrayBufferWriter<byte> _detailBuffer = new(256);
    private readonly Utf8JsonWriter _detail = new(Stream.Null);

    public TResult Apply<TResult>(StoreCommand<TResult> command) => command switch
    {
        RegisterVersionCommand c => Box<TResult>(Register(c)),
        DeleteVersionCommand c => Box<TResult>(DeleteVersion(c)),
        DeleteSubjectCommand c => Box<TResult>(DeleteSubject(c)),
        SetConfigCommand c => Box<TResult>(SetConfig(c)),
        DeleteConfigCommand c => Box<TResult>(DeleteConfig(c)),
        SetModeCommand c => Box<TResult>(SetMode(c)),
        DeleteModeCommand c => Box<TResult>(DeleteMode(c)),
        ChangeStateCommand c => Box<TResult>(ChangeState(c)),
        _ => throw new NotSupportedException($"The SQLite store does not know the command {command.GetType().Name}."),
    };

    private static TResult Box<TResult>(object? value) => (TResult)value!;

    // ---- register -----------------------------------------------------------------------------------------------

    private RegisteredVersion Register(RegisterVersionCommand command)
    {
        if (SubjectName.Problem(command.Subject) is { } problem) throw new RegistryException(ErrorCode.InvalidRequest, problem);
        if (string.IsNullOrEmpty(command.SchemaType) || string.IsNullOrEmpty(command.Fingerprint) || command.CanonicalText is null)
        {
            throw new RegistryException(ErrorCode.InvalidRequest, "A registration needs a schema type, a fingerprint and the schema text.");
        }
        var references = command.References ?? [];
        var metadata = command.Metadata ?? VersionMetadata.Empty;
        var now = RowMapper.ToUnixMilliseconds(clock.GetUtcNow());

        int version;
        if (command.ExplicitVersion is { } explicitVersion)
        {
            if (explicitVersion < 1)
            {
                throw new RegistryException(ErrorCode.InvalidVersion, $"Version {explicitVersion} is not valid; versions start at 1.");
            }
            if (session.Command(Sql.VersionDeleted).Bind("$subject", command.Subject).Bind("$version", explicitVersion).ExecuteScalar() is not null)
            {
                throw new RegistryException(ErrorCode.OperationNotPermitted,
                    $"Version {explicitVersion} of subject '{command.Subject}' already exists; IMPORT cannot overwrite it.");
            }
            version = explicitVersion;
        }
        else
        {
            var latest = MaxVersion(command.Subject);
            if (latest != command.ExpectedLatestVersion)
            {
                throw new RegistryException(ErrorCode.WriteConflict,
                    $"Subject '{command.Subject}' changed concurrently: its latest version is {latest}, not {command.ExpectedLatestVersion}. Retry the request.");
            }
            version = checked(latest + 1);
        }

        var referencesJson = StoreJson.References(references);
        var referencesKey = StoreJson.ReferencesKey(referencesJson);
        var (schemaId, created) = command.ExplicitId is { } explicitId
            ? ResolveExplicitSchema(command, explicitId, referencesJson, referencesKey, now)
            : FindOrInsertSchema(command, referencesJson, referencesKey, now);

        session.Command(Sql.InsertVersion)
            .Bind("$subject", command.Subject)
            .Bind("$version", version)
            .Bind("$schema_id", schemaId)
            .Bind("$semver", command.Semver ?? string.Empty)
            .Bind("$state", command.State.ToWire())
            .Bind("$now", now)
            .Bind("$description", metadata.Description)
            .Bind("$owner", metadata.Owner)
            .Bind("$tags", StoreJson.Tags(metadata.Tags ?? []))
            .Bind("$properties", StoreJson.Properties(metadata.Properties ?? new Dictionary<string, string>()))
            .Bind("$search_text", SearchText(command.Subject, metadata))
            .ExecuteNonQuery();

        if (references.Count > 0)
        {
            var insertRef = session.Command(Sql.InsertVersionRef).Bind("$subject", command.Subject).Bind("$version", version);
            for (var i = 0; i < references.Count; i++)
            {
                var reference = references[i];
                insertRef.Bind("$ordinal", i).Bind("$name", reference.Name).Bind("$ref_subject", reference.Subject)
                    .Bind("$ref_version", reference.Version).ExecuteNonQuery();
            }
        }
        if (metadata.Tags is { Count: > 0 } tags)
        {
            var insertTag = session.Command(Sql.InsertVersionTag).Bind("$subject", command.Subject).Bind("$version", version);
            foreach (var tag in tags) insertTag.Bind("$tag", tag.ToLowerInvariant()).ExecuteNonQuery();
        }
        if (command.ReplaceSoftDeletedCopies)
        {
            session.Command(Sql.DeleteSoftDeletedCopies).Bind("$subject", command.Subject).Bind("$schema_id", schemaId)
                .Bind("$version", version).ExecuteNonQuery();
        }
        RefreshSubject(command.Subject, mayEmpty: false);

        var detail = BeginDetail();
        detail.WriteString("schemaType", command.SchemaType);
        detail.WriteString("fingerprint", command.Fingerprint);
        detail.WriteString("semver", command.Semver);
        detail.WriteString("state", command.State.ToWire());
        detail.WriteNumber("references", references.Count);
        detail.WriteBoolean("newSchema", created);
        detail.WriteBoolean("explicitId", command.ExplicitId is not null);
        detail.WriteBoolean("explicitVersion", command.ExplicitVersion is not null);
        RecordChange(command.Actor, "version.registered", command.Subject, version, schemaId, EndDetail());
        return new RegisteredVersion(schemaId, version);
    }

    private (long Id, bool Created) FindOrInsertSchema(RegisterVersionCommand command, string? referencesJson, string referencesKey, long now)
    {
        if (CanonicalId(command, referencesKey) is { } existing) return (existing, false);
        return (InsertSchema(null, command, referencesJson, referencesKey, alias: false, now), true);
    }

    /// <summary>
    /// IMPORT: the id must be free, or already hold this very content. When the content already has another id, a
    /// second row with the imported id is created and marked as an alias: records serialized with either id keep
    /// resolving (Confluent behaves the same), while lookups by content keep answering the canonical (first) id.
    /// </summary>
    private (long Id, bool Created) ResolveExplicitSchema(RegisterVersionCommand command, long id, string? referencesJson, string referencesKey, long now)
    {
        if (id < 1) throw new RegistryException(ErrorCode.InvalidRequest, $"Schema id {id} is not valid; ids start at 1.");
        using (var reader = session.Command(Sql.SchemaIdentityById).Bind("$id", id).ExecuteReader())
        {
            if (reader.Read())
            {
                var same = string.Equals(reader.GetString(0), command.SchemaType, StringComparison.Ordinal)
                    && string.Equals(reader.GetString(1), command.Fingerprint, StringComparison.Ordinal)
                    && string.Equals(reader.GetString(2), referencesKey, StringComparison.Ordinal);
                if (same) return (id, false);
                throw new RegistryException(ErrorCode.OperationNotPermitted,
                    $"Schema id {id} is already used by another schema; an imported schema can only reuse an id that holds the same content (format, text and references).");
            }
        }
        var alias = CanonicalId(command, referencesKey) is not null;
        return (InsertSchema(id, command, referencesJson, referencesKey, alias, now), true);
    }

    private long? CanonicalId(RegisterVersionCommand command, string referencesKey) =>
        session.Command(Sql.CanonicalIdByContent)
            .Bind("$type", command.SchemaType)
            .Bind("$fingerprint", command.Fingerprint)
            .Bind("$refs_key", referencesKey)
            .ExecuteScalar() is long id ? id : null;

    private long InsertSchema(long? id, RegisterVersionCommand command, string? referencesJson, string referencesKey, bool alias, long now) =>
        (long)session.Command(Sql.InsertSchema)
            .Bind("$id", id)
            .Bind("$type", command.SchemaType)
            .Bind("$fingerprint", command.Fingerprint)
            .Bind("$refs_key", referencesKey)
            .Bind("$refs", referencesJson)
            .Bind("$text", command.CanonicalText)
            .Bind("$alias", alias ? 1 : 0)
            .Bind("$now", now)
            .ExecuteScalar()!;

    private int MaxVersion(string subject) =>
        session.Command(Sql.MaxVersion).Bind("$subject", subject).ExecuteScalar() is long max ? (int)max : 0;

    /// <summary>Lower-cased subject, description, owner and tags, separated so a match cannot span two fields.</summary>
    private static string SearchText(string subject, VersionMetadata metadata)
    {
        var text = new StringBuilder(subject.Length + 64);
        text.Append(subject).Append(SearchSeparator).Append(metadata.Description).Append(SearchSeparator).Append(metadata.Owner);
        foreach (var tag in metadata.Tags ?? []) text.Append(SearchSeparator).Append(tag);
        return text.ToString().ToLowerInvariant();
    }

    // ---- deletes ------------------------------------------------------------------------------------------------

    private int DeleteVersion(DeleteVersionCommand command)
    {
        var schemaId = session.Command(command.Permanent ? Sql.DeleteVersion : Sql.SoftDeleteVersion)
            .Bind("$subject", command.Subject)
            .Bind("$version", command.Version)
            .ExecuteScalar();
        if (schemaId is not long id)
        {
            throw new RegistryException(ErrorCode.VersionNotFound, $"Subject '{command.Subject}' has no version {command.Version}.");
        }
        RefreshSubject(command.Subject);
        var detail = BeginDetail();
        detail.WriteBoolean("permanent", command.Permanent);
        RecordChange(command.Actor, "version.deleted", command.Subject, command.Version, id, EndDetail());
        return command.Version;
    }

    private List<int> DeleteSubject(DeleteSubjectCommand command)
    {
        if (session.Command(Sql.SubjectHasRows).Bind("$subject", command.Subject).ExecuteScalar() is not 1L)
        {
            throw new RegistryException(ErrorCode.SubjectNotFound, $"Subject '{command.Subject}' not found.");
        }
        var versions = new List<int>();
        using (var reader = session.Command(command.Permanent ? Sql.DeleteSubjectVersions : Sql.SoftDeleteSubject)
                   .Bind("$subject", command.Subject).ExecuteReader())
        {
            while (reader.Read()) versions.Add(reader.GetInt32(0));
        }
        versions.Sort();
        if (command.Permanent)
        {
            BindScope(session.Command(Sql.DeleteConfig), command.Subject).ExecuteNonQuery();
            BindScope(session.Command(Sql.DeleteMode), command.Subject).ExecuteNonQuery();
        }
        RefreshSubject(command.Subject);
        var detail = BeginDetail();
        detail.WriteBoolean("permanent", command.Permanent);
        detail.WriteStartArray("versions");
        foreach (var version in versions) detail.WriteNumberValue(version);
        detail.WriteEndArray();
        RecordChange(command.Actor, "subject.deleted", command.Subject, null, null, EndDetail());
        return versions;
    }

    /// <summary>Re-derives the subject's summary row; <paramref name="mayEmpty"/> when the write may have removed its last row.</summary>
    private void RefreshSubject(string subject, bool mayEmpty = true)
    {
        session.Command(Sql.RefreshSubject).Bind("$subject", subject).Bind("$namespace", SubjectName.Namespace(subject)).ExecuteNonQuery();
        if (mayEmpty) session.Command(Sql.DropEmptySubject).Bind("$subject", subject).ExecuteNonQuery();
    }

    // ---- config and mode ----------------------------------------------------------------------------------------

    private SubjectConfig SetConfig(SetConfigCommand command)
    {
        ArgumentNullException.ThrowIfNull(command.Config);
        BindScope(session.Command(Sql.UpsertConfig), command.Subject)
            .Bind("$level", command.Config.Level?.ToWire())
            .Bind("$normalize", command.Config.Normalize is { } normalize ? (normalize ? 1 : 0) : null)
            .ExecuteNonQuery();
        var detail = BeginDetail();
        WriteConfig(detail, command.Config);
        RecordChange(command.Actor, "config.set", command.Subject, null, null, EndDetail());
        return command.Config;
    }

    private SubjectConfig? DeleteConfig(DeleteConfigCommand command)
    {
        SubjectConfig? removed = null;
        using (var reader = BindScope(session.Command(Sql.DeleteConfig), command.Subject).ExecuteReader())
        {
            if (reader.Read()) removed = RowMapper.Config(reader);
        }
        var detail = BeginDetail();
        detail.WriteBoolean("removed", removed is not null);
        if (removed is not null) WriteConfig(detail, removed);
        RecordChange(command.Actor, "config.deleted", command.Subject, null, null, EndDetail());
        return removed;
    }

    private RegistryMode SetMode(SetModeCommand command)
    {
        BindScope(session.Command(Sql.UpsertMode), command.Subject).Bind("$mode", command.Mode.ToWire()).ExecuteNonQuery();
        var detail = BeginDetail();
        detail.WriteString("mode", command.Mode.ToWire());
        RecordChange(command.Actor, "mode.set", command.Subject, null, null, EndDetail());
        return command.Mode;
    }

    private RegistryMode? DeleteMode(DeleteModeCommand command)
    {
        var removed = BindScope(session.Command(Sql.DeleteMode), command.Subject).ExecuteScalar() is string text
            ? RowMapper.ParseMode(text)
            : (RegistryMode?)null;
        var detail = BeginDetail();
        detail.WriteBoolean("removed", removed is not null);
        if (removed is { } mode) detail.WriteString("mode", mode.ToWire());
        RecordChange(command.Actor, "mode.deleted", command.Subject, null, null, EndDetail());
        return removed;
    }

    /// <summary>The global setting is scope 0 with subject ''; a subject's is scope 1 (see 0001_initial.sql).</summary>
    private static Microsoft.Data.Sqlite.SqliteCommand BindScope(Microsoft.Data.Sqlite.SqliteCommand command, string? subject) =>
        command.Bind("$scope", subject is null ? 0 : 1).Bind("$subject", subject ?? string.Empty);

    private static void WriteConfig(Utf8JsonWriter detail, SubjectConfig config)
    {
        if (config.Level is { } level) detail.WriteString("compatibility", level.ToWire());
        else detail.WriteNull("compatibility");
        if (config.Normalize is { } normalize) detail.WriteBoolean("normalize", normalize);
        else detail.WriteNull("normalize");
    }

    // ---- state --------------------------------------------------------------------------------------------------

    private StoredVersion ChangeState(ChangeStateCommand command)
    {
        var schemaId = session.Command(Sql.ChangeState)
            .Bind("$state", command.State.ToWire())
            .Bind("$sunset_at", command.SunsetAt is { } sunset ? RowMapper.ToUnixMilliseconds(sunset) : null)
            .Bind("$subject", command.Subject)
            .Bind("$version", command.Version)
            .ExecuteScalar();
        if (schemaId is not long id)
        {
            throw new RegistryException(ErrorCode.VersionNotFound, $"Subject '{command.Subject}' has no version {command.Version}.");
        }
        var updated = RowMapper.Versions(session.Command(Sql.VersionByKey).Bind("$subject", command.Subject).Bind("$version", command.Version))[0];
        var detail = BeginDetail();
        detail.WriteString("state", command.State.ToWire());
        if (updated.SunsetAt is { } sunsetAt) detail.WriteString("sunsetAt", sunsetAt);
        else detail.WriteNull("sunsetAt");
        RecordChange(command.Actor, "version.state_changed", command.Subject, command.Version, id, EndDetail());
        return updated;
    }

    // ---- change log ---------------------------------------------------------------------------------------------

    private Utf8JsonWriter BeginDetail()
    {
        _detailBuffer.ResetWrittenCount();
        _detail.Reset(_detailBuffer);
        _detail.WriteStartObject();
        return _detail;
    }

    private string EndDetail()
    {
        _detail.WriteEndObject();
        _detail.Flush();
        return Encoding.UTF8.GetString(_detailBuffer.WrittenSpan);
    }

    private void RecordChange(string actor, string kind, string? subject, int? version, long? schemaId, string detail) =>
        session.Command(Sql.InsertChange)
            .Bind("$at", RowMapper.ToUnixMilliseconds(clock.GetUtcNow()))
            .Bind("$actor", string.IsNullOrEmpty(actor) ? "anonymous" : actor)
            .Bind("$kind", kind)
            .Bind("$subject", subject)
            .Bind("$version", version)
            .Bind("$schema_id", schemaId)
            .Bind("$detail", detail)
            .ExecuteNonQuery();

    public void Dispose() => _detail.Dispose();
}
