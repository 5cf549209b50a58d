using System.Text.Json;
using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Lifecycle;
using SchemaRegistry.Core.Storage;
using static SchemaRegistry.Storage.Sqlite.Tests.SqliteTestSupport;

namespace SchemaRegistry.Storage.Sqlite.Tests;

/// <summary>
/// The store keeps each subject's versions, configuration and mode in memory between writes. These tests hold it to
/// one rule: whatever it answers from memory is what a read of the file answers (a second store on the same file with
/// the cache off is the reference), after any mix of writes, including several in one batch.
/// </summary>
public sealed class SubjectReadCacheTests : IDisposable
{
    private static readonly string[] Subjects = ["a", "b", "c"];
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task Answers_from_memory_match_the_file_after_any_mix_of_writes(int seed)
    {
        await using var cached = await OpenAsync(_directory.Path);
        await using var file = await OpenAsync(_directory.Path, o => o with { SubjectCacheVersions = 0 });
        var random = new Random(seed);
        for (var step = 0; step < 150; step++)
        {
            // Reads first, so the cache holds entries for the writes to change; then one write or a burst of them
            // (the burst lands in one batch when the writer is busy), then every answer compared.
            foreach (var subject in Subjects) await cached.GetVersionsAsync(subject, random.Next(2) == 0, None);
            await cached.GetConfigAsync(Pick(random), None);
            await cached.GetModeAsync(Pick(random), None);
            var writes = random.Next(4) == 0 ? 3 : 1;
            var commands = new List<Task>();
            for (var i = 0; i < writes; i++) commands.Add(WriteAsync(cached, file, random));
            await Task.WhenAll(commands);
            await ShouldMatchAsync(cached, file, $"seed {seed}, step {step}");
        }
        var (hits, misses) = cached.SubjectCacheStatistics;
        hits.ShouldBeGreaterThan(0);
        misses.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task A_registration_extends_the_history_in_memory_instead_of_dropping_it()
    {
        await using var store = await OpenAsync(_directory.Path);
        await store.ExecuteAsync(Register("s", Schema("One"), 0), None);
        (await store.GetVersionsAsync("s", true, None)).Count.ShouldBe(1); // read from the file, then kept
        var before = store.SubjectCacheStatistics;

        await store.ExecuteAsync(Register("s", Schema("Two"), 1), None);
        var after = await store.GetVersionsAsync("s", true, None);

        after.Select(v => v.Version).ShouldBe([1, 2]);
        after[1].Schema.Text.ShouldBe(Schema("Two"));
        store.SubjectCacheStatistics.ShouldBe((before.Hits + 1, before.Misses));
    }

    [Fact]
    public async Task A_full_cache_drops_some_subjects_to_make_room_not_all_of_them()
    {
        await using var store = await OpenAsync(_directory.Path, o => o with { SubjectCacheVersions = 8 });
        for (var i = 0; i < 9; i++) await store.ExecuteAsync(Register($"s{i}", Schema($"S{i}"), 0), None);
        for (var i = 0; i < 8; i++) await store.GetVersionsAsync($"s{i}", true, None); // 8 rows: full
        await store.GetVersionsAsync("s8", true, None); // a ninth row makes room first

        var before = store.SubjectCacheStatistics;
        for (var i = 0; i < 9; i++) await store.GetVersionsAsync($"s{i}", true, None);
        var (hits, misses) = store.SubjectCacheStatistics;
        (hits - before.Hits).ShouldBeInRange(5, 7);    // s8 and at most 6 rows in all were kept (three quarters of 8)
        (misses - before.Misses).ShouldBeInRange(2, 4); // the dropped ones are read again
    }

    [Fact]
    public async Task With_a_capacity_of_zero_every_read_goes_to_the_file()
    {
        await using var store = await OpenAsync(_directory.Path, o => o with { SubjectCacheVersions = 0 });
        await store.ExecuteAsync(Register("s", Schema("One"), 0), None);
        for (var i = 0; i < 3; i++) await store.GetVersionsAsync("s", true, None);
        store.SubjectCacheStatistics.Hits.ShouldBe(0);
    }

    [Fact]
    public void A_negative_capacity_is_refused()
    {
        Should.Throw<ArgumentException>(() => new SqliteSchemaStore(SqliteStoreOptions.InDirectory(_directory.Path) with { SubjectCacheVersions = -1 }))
            .Message.ShouldContain("SubjectCacheVersions");
    }

    private static string? Pick(Random random) => random.Next(4) == 0 ? null : Subjects[random.Next(Subjects.Length)];

    /// <summary>One random write through the cached store; refusals are part of the mix.</summary>
    private static async Task WriteAsync(SqliteSchemaStore cached, SqliteSchemaStore file, Random random)
    {
        var subject = Subjects[random.Next(Subjects.Length)];
        var all = await file.GetVersionsAsync(subject, true, None);
        var top = all.Count == 0 ? 0 : all[^1].Version;
        var some = all.Count == 0 ? 1 : all[random.Next(all.Count)].Version;
        try
        {
            switch (random.Next(10))
            {
                case 0 or 1 or 2:
                    await cached.ExecuteAsync(Register(subject, Schema($"S{random.Next(5)}"), top) with { ReplaceSoftDeletedCopies = random.Next(2) == 0 }, None);
                    return;
                case 3:
                    await cached.ExecuteAsync(Register(subject, Schema($"S{random.Next(5)}"), top) with { ExplicitVersion = random.Next(1, top + 3) }, None);
                    return;
                case 4:
                    await cached.ExecuteAsync(new DeleteVersionCommand(subject, some, Permanent: random.Next(2) == 0), None);
                    return;
                case 5:
                    await cached.ExecuteAsync(new DeleteSubjectCommand(subject, Permanent: random.Next(3) == 0), None);
                    return;
                case 6:
                    await cached.ExecuteAsync(new ChangeStateCommand(subject, some, (VersionState)random.Next(4), null), None);
                    return;
                case 7:
                    await cached.ExecuteAsync(new SetConfigCommand(Pick(random), new SubjectConfig((CompatibilityLevel)random.Next(7), random.Next(2) == 0)), None);
                    return;
                case 8:
                    await cached.ExecuteAsync(new SetModeCommand(Pick(random), (RegistryMode)random.Next(3)), None);
                    return;
                default:
                    if (random.Next(2) == 0) await cached.ExecuteAsync(new DeleteConfigCommand(Pick(random)), None);
                    else await cached.ExecuteAsync(new DeleteModeCommand(Pick(random)), None);
                    return;
            }
        }
        catch (RegistryException)
        {
            // Refused (a version that exists, a subject that does not...): it changed nothing, which is checked too.
        }
    }

    private static async Task ShouldMatchAsync(SqliteSchemaStore cached, SqliteSchemaStore file, string where)
    {
        foreach (var subject in Subjects)
        {
            foreach (var includeDeleted in new[] { true, false })
            {
                Json(await cached.GetVersionsAsync(subject, includeDeleted, None))
                    .ShouldBe(Json(await file.GetVersionsAsync(subject, includeDeleted, None)), $"versions of {subject} ({where})");
            }
        }
        foreach (var subject in Subjects.Append(null))
        {
            Json(await cached.GetConfigAsync(subject, None)).ShouldBe(Json(await file.GetConfigAsync(subject, None)), $"config of {subject ?? "global"} ({where})");
            (await cached.GetModeAsync(subject, None)).ShouldBe(await file.GetModeAsync(subject, None), $"mode of {subject ?? "global"} ({where})");
        }
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value);
}
