using Microsoft.Data.Sqlite;
using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Core.Lifecycle;
using SchemaRegistry.Core.Storage;

namespace SchemaRegistry.Storage.Sqlite.Internal;

/// <summary>Rows to records, for the column lists in <see cref="Sql"/>.</summary>
internal static class RowMapper
{
    /// <summary>Reads <see cref="Sql.SchemaColumns"/> starting at <paramref name="first"/>.</summary>
    public static StoredSchema Schema(SqliteDataReader reader, int first = 0) => new(
        reader.GetInt64(first),
        reader.GetString(first + 1),
        reader.GetString(first + 2),
        reader.GetString(first + 3),
        StoreJson.ParseReferences(NullableString(reader, first + 4)));

    /// <summary>
    /// Reads <see cref="Sql.VersionColumns"/>. <paramref name="schemas"/> shares one <see cref="StoredSchema"/> per id
    /// within a result, so a schema used by many versions has its text read and allocated once.
    /// </summary>
    public static StoredVersion Version(SqliteDataReader reader, Dictionary<long, StoredSchema>? schemas)
    {
        var schemaId = reader.GetInt64(11);
        StoredSchema? schema = null;
        if (schemas is null || !schemas.TryGetValue(schemaId, out schema))
        {
            schema = Schema(reader, 11);
            schemas?.Add(schemaId, schema);
        }
        return VersionAround(reader, schema);
    }

    /// <summary>Reads the version columns (the first eleven of <see cref="Sql.VersionColumns"/>) around a known schema.</summary>
    public static StoredVersion VersionAround(SqliteDataReader reader, StoredSchema schema) =>
        new(
            reader.GetString(0),
            reader.GetInt32(1),
            schema,
            reader.GetString(2),
            ParseState(reader.GetString(3)),
            reader.IsDBNull(4) ? null : FromUnixMilliseconds(reader.GetInt64(4)),
            reader.GetInt64(5) != 0,
            FromUnixMilliseconds(reader.GetInt64(6)),
            new VersionMetadata(
                NullableString(reader, 7),
                NullableString(reader, 8),
                StoreJson.ParseTags(NullableString(reader, 9)),
                StoreJson.ParseProperties(NullableString(reader, 10))));

    /// <summary>Reads every row of a <see cref="Sql.VersionColumns"/> query.</summary>
    public static List<StoredVersion> Versions(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var versions = new List<StoredVersion>();
        Dictionary<long, StoredSchema>? schemas = null;
        while (reader.Read())
        {
            // Only a result with several rows can repeat a schema; a single lookup skips the dictionary.
            if (versions.Count == 1) schemas = new Dictionary<long, StoredSchema> { [versions[0].Schema.Id] = versions[0].Schema };
            versions.Add(Version(reader, schemas));
        }
        return versions;
    }

    public static SubjectConfig Config(SqliteDataReader reader, int first = 0) => new(
        reader.IsDBNull(first) ? null : ParseLevel(reader.GetString(first)),
        reader.IsDBNull(first + 1) ? null : reader.GetInt64(first + 1) != 0);

    public static RegistryMode ParseMode(string text) =>
        RegistryModes.TryParse(text, out var mode) ? mode : throw Corrupt("mode", text);

    public static VersionState ParseState(string text) =>
        VersionStates.TryParse(text, out var state) ? state : throw Corrupt("state", text);

    public static CompatibilityLevel ParseLevel(string text) =>
        CompatibilityLevels.TryParse(text, out var level) ? level : throw Corrupt("compatibility level", text);

    public static long ToUnixMilliseconds(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromUnixMilliseconds(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);

    private static string? NullableString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static Core.Errors.RegistryException Corrupt(string what, string value) =>
        new(Core.Errors.ErrorCode.StoreError, $"The store holds an unknown {what} '{value}'; was it written by a newer registry?");
}
