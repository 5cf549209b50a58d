using System.Diagnostics;
using SchemaRegistry.Core.Storage;
using Xunit.Abstractions;
using static SchemaRegistry.Storage.Sqlite.Tests.SqliteTestSupport;

namespace SchemaRegistry.Storage.Sqlite.Tests;

/// <summary>
/// A quick in-process measurement of the write path under concurrency, printed to the test output (never a timed
/// assertion). SQLITE_BENCH_WRITERS and SQLITE_BENCH_PER_WRITER change the load (the default keeps the test suite fast).
/// </summary>
public sealed class ThroughputTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Concurrent_writers_are_group_committed()
    {
        var writers = int.TryParse(Environment.GetEnvironmentVariable("SQLITE_BENCH_WRITERS"), out var w) ? w : 16;
        var perWriter = int.TryParse(Environment.GetEnvironmentVariable("SQLITE_BENCH_PER_WRITER"), out var n) ? n : 100;
        await using var store = await OpenAsync(_directory.Path);

        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < perWriter; i++)
            {
                await store.ExecuteAsync(Register($"bench-{w:D2}", Schema($"bench-{w}-{i}"), i), None);
            }
        })));
        stopwatch.Stop();

        var total = writers * perWriter;
        var stats = store.WriteStatistics;
        output.WriteLine(
            $"{writers} writers x {perWriter} registrations = {total} in {stopwatch.Elapsed.TotalMilliseconds:F0} ms: " +
            $"{total / stopwatch.Elapsed.TotalSeconds:F0} registrations/s, {stats.Commits} commits " +
            $"({(double)total / stats.Commits:F1} per commit, largest batch {stats.LargestBatch})");

        stats.CommandsApplied.ShouldBe(total);
        if (writers > 1) stats.Commits.ShouldBeLessThan(total);
        (await store.ListVersionsAsync(new VersionQuery(), None)).Count.ShouldBe(total);
    }
}
