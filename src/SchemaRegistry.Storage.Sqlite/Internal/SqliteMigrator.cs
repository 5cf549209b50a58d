using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using SchemaRegistry.Core.Errors;

namespace SchemaRegistry.Storage.Sqlite.Internal;

/// <summary>A numbered SQL migration embedded in the assembly (<c>Migrations/0001_initial.sql</c>).</summary>
internal sealed record Migration(int Version, string Name, string Sql);

/// <summary>
/// Brings a store file up to the schema this build knows. Migrations are numbered from 1 without gaps; each runs in
/// its own transaction together with its <c>schema_migrations</c> row, so a crash leaves the file either before or
/// after a migration, never half-way. A file already at a higher number than any known migration was written by a
/// newer registry and is refused rather than misread.
/// </summary>
internal static partial class SqliteMigrator
{
    private const string CreateMigrationsTable =
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)";

    /// <summary>The migrations embedded in this build, by version.</summary>
    public static IReadOnlyList<Migration> Embedded { get; } = Load();

    /// <summary>The highest migration this build knows.</summary>
    public static int LatestVersion => Embedded.Count == 0 ? 0 : Embedded[^1].Version;

    /// <summary>Applies the pending migrations; returns how many ran.</summary>
    public static int Apply(SqlSession session, string path, TimeProvider clock)
    {
        session.Execute(CreateMigrationsTable);
        var current = CurrentVersion(session);
        if (current > LatestVersion)
        {
            throw new RegistryException(ErrorCode.StoreError,
                $"The store at '{path}' is at schema version {current}, but this registry only knows versions up to {LatestVersion}: " +
                "it was written by a newer registry. Run that version (or newer), or restore a backup taken with this one.");
        }
        var applied = 0;
        foreach (var migration in Embedded)
        {
            if (migration.Version <= current) continue;
            session.Execute(Sql.Begin);
            try
            {
                // Re-checked under the write lock: another process may have migrated the file meanwhile.
                if (CurrentVersion(session) < migration.Version)
                {
                    session.Execute(migration.Sql);
                    session.Command("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($version, $name, $at)")
                        .Bind("$version", migration.Version)
                        .Bind("$name", migration.Name)
                        .Bind("$at", RowMapper.ToUnixMilliseconds(clock.GetUtcNow()))
                        .ExecuteNonQuery();
                    applied++;
                }
                session.Execute(Sql.Commit);
            }
            catch (SqliteException exception)
            {
                if (session.InTransaction) session.Execute(Sql.Rollback);
                throw new RegistryException(ErrorCode.StoreError,
                    $"Migration {migration.Version:D4}_{migration.Name} failed on the store at '{path}' ({StoreErrors.Describe(exception)}); the file is unchanged.");
            }
        }
        return applied;
    }

    private static int CurrentVersion(SqlSession session) =>
        session.Scalar("SELECT coalesce(max(version), 0) FROM schema_migrations") is long version ? (int)version : 0;

    private static List<Migration> Load()
    {
        var assembly = typeof(SqliteMigrator).Assembly;
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var match = ResourceName().Match(resource);
            if (!match.Success) continue;
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            migrations.Add(new Migration(
                int.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture),
                match.Groups["name"].Value,
                reader.ReadToEnd()));
        }
        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException(
                    $"Embedded migrations must be numbered 1, 2, 3... without gaps or duplicates; found {migrations[i].Version} at position {i + 1}.");
            }
        }
        return migrations;
    }

    [GeneratedRegex(@"\.Migrations\.(?<version>\d+)_(?<name>[A-Za-z0-9_]+)\.sql$", RegexOptions.CultureInvariant)]
    private static partial Regex ResourceName();
}
