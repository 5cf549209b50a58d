using SchemaRegistry.Storage.Sqlite.Internal;
using Xunit.Abstractions;
using static SchemaRegistry.Storage.Sqlite.Tests.SqliteTestSupport;

namespace SchemaRegistry.Storage.Sqlite.Tests;

/// <summary>
/// The hot lookups must be index seeks (O(log n)) whatever the table sizes: asserted on SQLite's own query plans, so
/// a change to the SQL or the indexes that would turn one into a table scan fails here rather than at 1M versions.
/// </summary>
public sealed class QueryPlanTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    public static TheoryData<string, string> SeekQueries => new()
    {
        { "schema by id", Sql.SchemaById },
        { "schema by content", Sql.SchemaByContent },
        { "max version", Sql.MaxVersion },
        { "version by key", Sql.VersionByKey },
        { "versions of a subject", Sql.VersionsOfSubject },
        { "live versions of a subject", Sql.LiveVersionsOfSubject },
        { "usages", Sql.Usages },
        { "live usages", Sql.LiveUsages },
        { "referrers", Sql.Referrers },
        { "live referrers", Sql.LiveReferrers },
        { "config", Sql.ConfigByScope },
        { "mode", Sql.ModeByScope },
        { "subject refresh", Sql.RefreshSubject },
        { "canonical id by content", Sql.CanonicalIdByContent },
        { "version exists", Sql.VersionDeleted },
        { "subjects by prefix", Sql.ListSubjects(includeDeleted: false, deletedOnly: false, prefix: true, upperBound: true) },
        { "versions by prefix", Sql.ListVersions(includeDeleted: true, latestOnly: false, prefix: true, upperBound: true) },
        { "search by namespace", Sql.Search(false, false, @namespace: true, false, false, false, false) },
        { "search by tag", Sql.Search(false, false, false, tag: true, false, false, false) },
        { "search by prefix and text", Sql.Search(prefix: true, upperBound: true, false, false, false, false, text: true) },
        { "latest versions by prefix", Sql.ListVersions(includeDeleted: false, latestOnly: true, prefix: true, upperBound: true) },
    };

    /// <summary>Listings without a narrowing filter walk the subjects table (O(subjects)), never the versions.</summary>
    public static TheoryData<string, string> SubjectWalks => new()
    {
        { "live subjects", Sql.ListSubjects(includeDeleted: false, deletedOnly: false, prefix: false, upperBound: false) },
        { "deleted-only subjects", Sql.ListSubjects(includeDeleted: false, deletedOnly: true, prefix: false, upperBound: false) },
        { "latest live versions", Sql.ListVersions(includeDeleted: false, latestOnly: true, prefix: false, upperBound: false) },
        { "latest versions with deleted", Sql.ListVersions(includeDeleted: true, latestOnly: true, prefix: false, upperBound: false) },
        { "search without filters", Sql.Search(false, false, false, false, false, false, false) },
        { "search by state, format and text", Sql.Search(false, false, false, false, state: true, schemaType: true, text: true) },
    };

    [Theory]
    [MemberData(nameof(SubjectWalks))]
    public async Task Subject_listings_walk_subjects_and_seek_versions(string name, string sql)
    {
        var plan = await PlanAsync(sql);
        var scans = plan.Where(line => line.StartsWith("SCAN ", StringComparison.Ordinal)).ToList();
        scans.ShouldAllBe(line => line.StartsWith("SCAN sub", StringComparison.Ordinal) || line.StartsWith("SCAN subjects", StringComparison.Ordinal),
            $"{name}: {string.Join(" | ", plan)}");
        plan.ShouldContain(line => line.StartsWith("SEARCH v ", StringComparison.Ordinal) || !sql.Contains("versions v", StringComparison.Ordinal),
            $"{name}: {string.Join(" | ", plan)}");
    }

    private async Task<List<string>> PlanAsync(string sql)
    {
        await (await OpenAsync(_directory.Path)).DisposeAsync();
        using var connection = Connect(Path.Combine(_directory.Path, "registry.db"));
        var plan = Rows(connection, "EXPLAIN QUERY PLAN " + sql).Select(r => (string)r[3]!).ToList();
        output.WriteLine(string.Join(Environment.NewLine, plan));
        return plan;
    }

    [Theory]
    [MemberData(nameof(SeekQueries))]
    public async Task Lookups_seek_an_index_and_never_scan_a_table(string name, string sql)
    {
        var plan = await PlanAsync(sql);

        plan.ShouldNotBeEmpty();
        plan.ShouldContain(line => line.StartsWith("SEARCH", StringComparison.Ordinal), $"{name}: {string.Join(" | ", plan)}");
        // A scan of a one-row co-routine (a subquery the plan names itself) is fine; a scan of a table is not.
        var coroutines = plan.Where(line => line.StartsWith("CO-ROUTINE ", StringComparison.Ordinal)).Select(line => line["CO-ROUTINE ".Length..]).ToHashSet();
        var tableScans = plan.Where(line => line.StartsWith("SCAN ", StringComparison.Ordinal) && !coroutines.Contains(line["SCAN ".Length..].Split(' ')[0]));
        tableScans.ShouldBeEmpty($"{name}: {string.Join(" | ", plan)}");
    }
}
