using System.Collections.Concurrent;
using System.Text;

namespace SchemaRegistry.Storage.Sqlite.Internal;

/// <summary>
/// Every SQL text the store runs. Constants (not built per call) so each is prepared once per connection and
/// cached by <see cref="SqlSession"/>; the few dynamic queries are assembled from fixed fragments and cached per shape.
/// </summary>
internal static class Sql
{
    // Dynamic queries are built once per shape (which filters are in use) and reused, so the per-session statement
    // cache keys on the same string instance and no SQL is assembled on the hot path.
    private static readonly ConcurrentDictionary<int, string> Shapes = new();

    private static int Bits(int kind, params ReadOnlySpan<bool> flags)
    {
        var key = kind;
        foreach (var flag in flags) key = (key << 1) | (flag ? 1 : 0);
        return key;
    }

    // ---- reads --------------------------------------------------------------------------------------------------

    /// <summary>The columns <see cref="RowMapper.Version"/> reads, in order.</summary>
    public const string VersionColumns =
        "v.subject, v.version, v.semver, v.state, v.sunset_at, v.deleted, v.created_at, v.description, v.owner, v.tags, v.properties, " +
        "s.id, s.schema_type, s.text, s.fingerprint, s.refs";

    /// <summary>The columns <see cref="RowMapper.Schema"/> reads, in order.</summary>
    public const string SchemaColumns = "s.id, s.schema_type, s.text, s.fingerprint, s.refs";

    private const string VersionFrom = " FROM versions v JOIN schemas s ON s.id = v.schema_id";

    public const string SchemaById = "SELECT " + SchemaColumns + " FROM schemas s WHERE s.id = $id";

    public const string SchemaByContent =
        "SELECT " + SchemaColumns + " FROM schemas s " +
        "WHERE s.schema_type = $type AND s.fingerprint = $fingerprint AND s.references_key = $refs_key AND s.is_alias = 0";

    /// <summary>The highest id ever handed out: AUTOINCREMENT's high-water mark (covers explicit IMPORT ids too).</summary>
    public const string MaxSchemaId =
        "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'schemas'), 0), coalesce((SELECT max(id) FROM schemas), 0))";

    public const string MaxVersion = "SELECT version FROM versions WHERE subject = $subject ORDER BY version DESC LIMIT 1";

    public const string VersionByKey = "SELECT " + VersionColumns + VersionFrom + " WHERE v.subject = $subject AND v.version = $version";

    public const string VersionsOfSubject = "SELECT " + VersionColumns + VersionFrom + " WHERE v.subject = $subject ORDER BY v.version";

    /// <summary>The version columns of <see cref="VersionColumns"/> and the schema id, without the schema row.</summary>
    public const string VersionRowColumns =
        "v.subject, v.version, v.semver, v.state, v.sunset_at, v.deleted, v.created_at, v.description, v.owner, v.tags, v.properties, v.schema_id";

    /// <summary>A subject's version rows only; the schemas come from <see cref="SchemaRowCache"/> or <see cref="SchemaById"/>.</summary>
    public const string VersionRowsOfSubject = "SELECT " + VersionRowColumns + " FROM versions v WHERE v.subject = $subject ORDER BY v.version";

    public const string LiveVersionRowsOfSubject =
        "SELECT " + VersionRowColumns + " FROM versions v WHERE v.subject = $subject AND v.deleted = 0 ORDER BY v.version";

    public const string LiveVersionsOfSubject =
        "SELECT " + VersionColumns + VersionFrom + " WHERE v.subject = $subject AND v.deleted = 0 ORDER BY v.version";

    public const string Usages = "SELECT subject, version, deleted FROM versions WHERE schema_id = $id ORDER BY subject, version";

    public const string LiveUsages =
        "SELECT subject, version, deleted FROM versions WHERE schema_id = $id AND deleted = 0 ORDER BY subject, version";

    private const string ReferrerKeys =
        " WHERE (v.subject, v.version) IN (SELECT subject, version FROM version_refs WHERE ref_subject = $subject AND ref_version = $version)";

    public const string Referrers = "SELECT " + VersionColumns + VersionFrom + ReferrerKeys + " ORDER BY v.subject, v.version";

    public const string LiveReferrers =
        "SELECT " + VersionColumns + VersionFrom + ReferrerKeys + " AND v.deleted = 0 ORDER BY v.subject, v.version";

    /// <summary>Live versions by format and state (the schemas gauge; a scan, so callers cache it).</summary>
    public const string CountLiveVersions =
        "SELECT s.schema_type, v.state, COUNT(*) FROM versions v JOIN schemas s ON s.id = v.schema_id WHERE v.deleted = 0 GROUP BY s.schema_type, v.state";

    public const string ConfigByScope = "SELECT level, normalize FROM configs WHERE scope = $scope AND subject = $subject";

    public const string ModeByScope = "SELECT mode FROM modes WHERE scope = $scope AND subject = $subject";

    /// <summary><c>GET /subjects</c>: the subjects table holds one row per subject with any version row.</summary>
    public static string ListSubjects(bool includeDeleted, bool deletedOnly, bool prefix, bool upperBound) =>
        Shapes.TryGetValue(Bits(1, includeDeleted, deletedOnly, prefix, upperBound), out var sql)
            ? sql
            : Shapes.GetOrAdd(Bits(1, includeDeleted, deletedOnly, prefix, upperBound), BuildListSubjects(includeDeleted, deletedOnly, prefix, upperBound));

    private static string BuildListSubjects(bool includeDeleted, bool deletedOnly, bool prefix, bool upperBound)
    {
        var sql = new StringBuilder("SELECT subject FROM subjects WHERE ");
        sql.Append(deletedOnly ? "latest_live IS NULL" : includeDeleted ? "1 = 1" : "latest_live IS NOT NULL");
        AppendPrefix(sql, "subject", prefix, upperBound);
        sql.Append(" ORDER BY subject LIMIT $limit OFFSET $offset");
        return sql.ToString();
    }

    /// <summary><c>GET /schemas</c>: version rows by subject then version, or each subject's latest row.</summary>
    public static string ListVersions(bool includeDeleted, bool latestOnly, bool prefix, bool upperBound) =>
        Shapes.TryGetValue(Bits(2, includeDeleted, latestOnly, prefix, upperBound), out var sql)
            ? sql
            : Shapes.GetOrAdd(Bits(2, includeDeleted, latestOnly, prefix, upperBound), BuildListVersions(includeDeleted, latestOnly, prefix, upperBound));

    private static string BuildListVersions(bool includeDeleted, bool latestOnly, bool prefix, bool upperBound)
    {
        var sql = new StringBuilder("SELECT ").Append(VersionColumns);
        if (latestOnly)
        {
            // CROSS JOIN fixes the join order in SQLite: walk subjects (O(subjects)), seek each one's latest row.
            sql.Append(" FROM subjects sub CROSS JOIN versions v ON v.subject = sub.subject AND v.version = ")
                .Append(includeDeleted ? "sub.max_version" : "sub.latest_live")
                .Append(" CROSS JOIN schemas s ON s.id = v.schema_id WHERE 1 = 1");
            AppendPrefix(sql, "sub.subject", prefix, upperBound);
            sql.Append(" ORDER BY sub.subject");
        }
        else
        {
            sql.Append(VersionFrom).Append(includeDeleted ? " WHERE 1 = 1" : " WHERE v.deleted = 0");
            AppendPrefix(sql, "v.subject", prefix, upperBound);
            sql.Append(" ORDER BY v.subject, v.version");
        }
        sql.Append(" LIMIT $limit OFFSET $offset");
        return sql.ToString();
    }

    /// <summary>
    /// The native search: each subject's latest live version, filtered; only the filters in use appear. With a tag,
    /// the tag index drives (versions carrying it, then "is it its subject's latest live one"); otherwise the subjects
    /// table is walked (narrowed by the prefix or the namespace index) and each latest row is seeked. CROSS JOIN
    /// pins that order: SQLite never reorders around it.
    /// </summary>
    public static string Search(bool prefix, bool upperBound, bool @namespace, bool tag, bool state, bool schemaType, bool text) =>
        Shapes.TryGetValue(Bits(3, prefix, upperBound, @namespace, tag, state, schemaType, text), out var sql)
            ? sql
            : Shapes.GetOrAdd(Bits(3, prefix, upperBound, @namespace, tag, state, schemaType, text),
                BuildSearch(prefix, upperBound, @namespace, tag, state, schemaType, text));

    private static string BuildSearch(bool prefix, bool upperBound, bool @namespace, bool tag, bool state, bool schemaType, bool text)
    {
        var sql = new StringBuilder("SELECT ").Append(VersionColumns);
        if (tag)
        {
            sql.Append(" FROM version_tags t")
                .Append(" CROSS JOIN subjects sub ON sub.subject = t.subject AND sub.latest_live = t.version")
                .Append(" CROSS JOIN versions v ON v.subject = t.subject AND v.version = t.version")
                .Append(" CROSS JOIN schemas s ON s.id = v.schema_id WHERE t.tag = $tag");
        }
        else
        {
            sql.Append(" FROM subjects sub CROSS JOIN versions v ON v.subject = sub.subject AND v.version = sub.latest_live")
                .Append(" CROSS JOIN schemas s ON s.id = v.schema_id WHERE sub.latest_live IS NOT NULL");
        }
        AppendPrefix(sql, "sub.subject", prefix, upperBound);
        if (@namespace) sql.Append(" AND sub.namespace = $namespace");
        if (state) sql.Append(" AND v.state = $state");
        if (schemaType) sql.Append(" AND s.schema_type = $schema_type COLLATE NOCASE");
        if (text) sql.Append(" AND instr(v.search_text, $text) > 0");
        sql.Append(" ORDER BY sub.subject LIMIT $limit OFFSET $offset");
        return sql.ToString();
    }

    private static void AppendPrefix(StringBuilder sql, string column, bool prefix, bool upperBound)
    {
        if (prefix) sql.Append(" AND ").Append(column).Append(" >= $prefix");
        if (upperBound) sql.Append(" AND ").Append(column).Append(" < $prefix_end");
    }

    // ---- writes (writer session only) ---------------------------------------------------------------------------

    // IMMEDIATE takes the write lock up front: the batch never fails half-way on a lock upgrade.
    public const string Begin = "BEGIN IMMEDIATE";
    public const string Commit = "COMMIT";
    public const string Rollback = "ROLLBACK";
    public const string Savepoint = "SAVEPOINT command";
    public const string ReleaseSavepoint = "RELEASE command";
    public const string RollbackToSavepoint = "ROLLBACK TO command";

    public const string VersionDeleted = "SELECT deleted FROM versions WHERE subject = $subject AND version = $version";

    public const string SchemaIdentityById = "SELECT schema_type, fingerprint, references_key FROM schemas WHERE id = $id";

    public const string CanonicalIdByContent =
        "SELECT id FROM schemas WHERE schema_type = $type AND fingerprint = $fingerprint AND references_key = $refs_key AND is_alias = 0";

    /// <summary>$id NULL lets AUTOINCREMENT choose; an explicit id also moves the high-water mark past it.</summary>
    public const string InsertSchema =
        "INSERT INTO schemas (id, schema_type, fingerprint, references_key, refs, text, is_alias, created_at) " +
        "VALUES ($id, $type, $fingerprint, $refs_key, $refs, $text, $alias, $now) RETURNING id";

    public const string InsertVersion =
        "INSERT INTO versions (subject, version, schema_id, semver, state, sunset_at, deleted, created_at, description, owner, tags, properties, search_text) " +
        "VALUES ($subject, $version, $schema_id, $semver, $state, NULL, 0, $now, $description, $owner, $tags, $properties, $search_text)";

    public const string InsertVersionRef =
        "INSERT INTO version_refs (subject, version, ordinal, name, ref_subject, ref_version) " +
        "VALUES ($subject, $version, $ordinal, $name, $ref_subject, $ref_version)";

    public const string InsertVersionTag = "INSERT OR IGNORE INTO version_tags (subject, version, tag) VALUES ($subject, $version, $tag)";

    /// <summary>Re-derives a subject's summary row from its version rows: three index seeks, whatever the subject's size.</summary>
    public const string RefreshSubject =
        "INSERT INTO subjects (subject, namespace, max_version, latest_live, has_deleted) " +
        "SELECT $subject, $namespace, m.version, " +
        "(SELECT version FROM versions WHERE subject = $subject AND deleted = 0 ORDER BY version DESC LIMIT 1), " +
        "EXISTS (SELECT 1 FROM versions WHERE subject = $subject AND deleted = 1) " +
        "FROM (SELECT version FROM versions WHERE subject = $subject ORDER BY version DESC LIMIT 1) m WHERE true " +
        "ON CONFLICT (subject) DO UPDATE SET max_version = excluded.max_version, latest_live = excluded.latest_live, has_deleted = excluded.has_deleted";

    /// <summary>Drops the summary row once no version row is left (the upsert above inserts nothing then).</summary>
    public const string DropEmptySubject =
        "DELETE FROM subjects WHERE subject = $subject AND NOT EXISTS (SELECT 1 FROM versions WHERE subject = $subject)";

    public const string SoftDeleteVersion = "UPDATE versions SET deleted = 1 WHERE subject = $subject AND version = $version RETURNING schema_id";

    public const string DeleteVersion = "DELETE FROM versions WHERE subject = $subject AND version = $version RETURNING schema_id";

    /// <summary>Removes a subject's soft-deleted copies of a schema below a version (a re-registration moves them).</summary>
    public const string DeleteSoftDeletedCopies =
        "DELETE FROM versions WHERE subject = $subject AND schema_id = $schema_id AND deleted = 1 AND version < $version";

    public const string SubjectHasRows = "SELECT EXISTS (SELECT 1 FROM versions WHERE subject = $subject)";

    public const string SoftDeleteSubject = "UPDATE versions SET deleted = 1 WHERE subject = $subject AND deleted = 0 RETURNING version";

    public const string DeleteSubjectVersions = "DELETE FROM versions WHERE subject = $subject RETURNING version";

    public const string UpsertConfig =
        "INSERT INTO configs (scope, subject, level, normalize) VALUES ($scope, $subject, $level, $normalize) " +
        "ON CONFLICT (scope, subject) DO UPDATE SET level = excluded.level, normalize = excluded.normalize";

    public const string DeleteConfig = "DELETE FROM configs WHERE scope = $scope AND subject = $subject RETURNING level, normalize";

    public const string UpsertMode =
        "INSERT INTO modes (scope, subject, mode) VALUES ($scope, $subject, $mode) " +
        "ON CONFLICT (scope, subject) DO UPDATE SET mode = excluded.mode";

    public const string DeleteMode = "DELETE FROM modes WHERE scope = $scope AND subject = $subject RETURNING mode";

    public const string ChangeState =
        "UPDATE versions SET state = $state, sunset_at = $sunset_at WHERE subject = $subject AND version = $version RETURNING schema_id";

    public const string InsertChange =
        "INSERT INTO change_log (at, actor, kind, subject, version, schema_id, detail) " +
        "VALUES ($at, $actor, $kind, $subject, $version, $schema_id, $detail)";
}
