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
    public async Task Several_writes_to_one_subject_in_one_batch_leave_memory_equal_to_the_file()
    {
        await using var cached = await OpenAsync(_directory.Path);
        await using var file = await OpenAsync(_directory.Path, o => o with { SubjectCacheVersions = 0 });
        await cached.ExecuteAsync(Register("s", Schema("One"), 0), None);
        await cached.ExecuteAsync(Register("t", Schema("One"), 0), None);
        await cached.GetVersionsAsync("s", true, None);
        await cached.GetVersionsAsync("t", true, None);
        var before = cached.WriteStatistics.Batches;

        Task[] writes;
        using (var holder = WriteLockHolder.Take(cached.FilePath))
        {
            _ = await WriteLockHolder.ParkWriterAsync(cached, Register("u", Schema("Parked"), 0));
            writes =
            [
                cached.ExecuteAsync(Register("s", Schema("Two"), 1), None).AsTask(),   // extends s
                cached.ExecuteAsync(Register("s", Schema("Three"), 2), None).AsTask(), // extends it again, in the same batch
                cached.ExecuteAsync(Register("s", Schema("Four"), 1), None).AsTask(),  // refused: s is at 3 by then
                cached.ExecuteAsync(Register("t", Schema("Two"), 1), None).AsTask(),
                cached.ExecuteAsync(new DeleteVersionCommand("t", 1, Permanent: false), None).AsTask(), // not an extension
            ];
            await WaitUntilAsync(() => cached.WriteStatistics.QueueLength == writes.Length, "all writes are queued");
        }
        await Should.ThrowAsync<RegistryException>(writes[2]);
        await Task.WhenAll(writes.Where((_, i) => i != 2));
        cached.WriteStatistics.Batches.ShouldBe(before + 2); // the parked one, then the five together

        await ShouldMatchAsync(cached, file, "after one batch of five");
        (await cached.GetVersionsAsync("s", true, None)).Select(v => v.Version).ShouldBe([1, 2, 3]);
    }

    [Fact]
    public async Task Readers_racing_the_writer_never_see_less_than_an_acknowledged_write_or_an_earlier_read()
    {
        await using var cached = await OpenAsync(_directory.Path);
        using var done = new CancellationTokenSource();
        var acknowledged = 0;
        // Readers fill the cache while every COMMIT runs; each checks that memory is not behind what the file showed
        // just before, nor behind what was acknowledged before it read.
        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            var checks = 0;
            while (!done.IsCancellationRequested)
            {
                var floor = Volatile.Read(ref acknowledged);
                var onFile = await cached.GetMaxVersionAsync("s", None);
                var inMemory = await cached.GetVersionsAsync("s", true, None);
                inMemory.Count.ShouldBeGreaterThanOrEqualTo(Math.Max(floor, onFile));
                checks++;
            }
            return checks;
        })).ToArray();
        for (var version = 1; version <= 300; version++)
        {
            await cached.ExecuteAsync(Register("s", Schema($"V{version}"), version - 1), None);
            Volatile.Write(ref acknowledged, version);
        }
        await done.CancelAsync();
        (await Task.WhenAll(readers)).ShouldAllBe(checks => checks > 0);
        (await cached.GetVersionsAsync("s", true, None)).Count.ShouldBe(300);
        cached.SubjectCacheStatistics.Hits.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Subjects_that_have_no_versions_count_against_the_bound()
    {
        await using var store = await OpenAsync(_directory.Path, o => o with { SubjectCacheVersions = 8 });
        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < 100; i++) (await store.GetVersionsAsync($"missing{i}", true, None)).ShouldBeEmpty();
        }
        store.SubjectCacheStatistics.Hits.ShouldBeLessThanOrEqualTo(8); // at most 8 empty histories kept of 100
    }

    [Fact]
    public async Task The_global_setting_is_not_the_setting_of_a_subject_with_an_empty_name()
    {
        await using var store = await OpenAsync(_directory.Path);
        await store.ExecuteAsync(new SetConfigCommand(null, new SubjectConfig(CompatibilityLevel.Full, null)), None);
        await store.ExecuteAsync(new SetModeCommand(null, RegistryMode.ReadOnly), None);
        (await store.GetConfigAsync("", None)).ShouldBeNull();
        (await store.GetModeAsync("", None)).ShouldBeNull();
        (await store.GetConfigAsync(null, None)).ShouldNotBeNull().Level.ShouldBe(CompatibilityLevel.Full);
        (await store.GetModeAsync(null, None)).ShouldBe(RegistryMode.ReadOnly);
    }

    [Fact]
    public async Task Once_the_store_is_closed_memory_does_not_answer_either()
    {
        var store = await OpenAsync(_directory.Path);
        await store.ExecuteAsync(Register("s", Schema("One"), 0), None);
        await store.GetVersionsAsync("s", true, None);
        await store.GetConfigAsync(null, None);
        await store.DisposeAsync();
        await Should.ThrowAsync<ObjectDisposedException>(store.GetVersionsAsync("s", true, None).AsTask());
        await Should.ThrowAsync<ObjectDisposedException>(store.GetConfigAsync(null, None).AsTask());
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
