using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Storage;
using static SchemaRegistry.Storage.Sqlite.Tests.SqliteTestSupport;

namespace SchemaRegistry.Storage.Sqlite.Tests;

public sealed class GroupCommitTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Commands_waiting_together_are_committed_in_one_transaction()
    {
        await using var store = await OpenAsync(_directory.Path);
        const int Waiting = 50;
        Task<RegisteredVersion> first;
        Task<RegisteredVersion>[] rest;
        using (var holder = WriteLockHolder.Take(store.FilePath))
        {
            first = await WriteLockHolder.ParkWriterAsync(store, Register("first", Schema("First"), 0));
            rest = Enumerable.Range(0, Waiting).Select(i => store.ExecuteAsync(Register($"s{i}", Schema($"S{i}"), 0), None).AsTask()).ToArray();
            await WaitUntilAsync(() => store.WriteStatistics.QueueLength == Waiting, "all commands are queued");
            first.IsCompleted.ShouldBeFalse(); // not acknowledged while its transaction cannot commit
        }

        (await first).Version.ShouldBe(1);
        (await Task.WhenAll(rest)).ShouldAllBe(r => r.Version == 1);

        var stats = store.WriteStatistics;
        stats.Commits.ShouldBe(2);             // one for the parked command, ONE for the 50 that waited
        stats.Batches.ShouldBe(2);
        stats.LargestBatch.ShouldBe(Waiting);
        stats.CommandsApplied.ShouldBe(Waiting + 1);
        (await store.ListSubjectsAsync(new SubjectQuery(), None)).Count.ShouldBe(Waiting + 1);
    }

    [Fact]
    public async Task The_batch_size_is_capped()
    {
        await using var store = await OpenAsync(_directory.Path, o => o with { MaxBatchSize = 8 });
        Task<RegisteredVersion>[] rest;
        using (var holder = WriteLockHolder.Take(store.FilePath))
        {
            _ = await WriteLockHolder.ParkWriterAsync(store, Register("first", Schema("First"), 0));
            rest = Enumerable.Range(0, 20).Select(i => store.ExecuteAsync(Register($"s{i}", Schema($"S{i}"), 0), None).AsTask()).ToArray();
            await WaitUntilAsync(() => store.WriteStatistics.QueueLength == 20, "all commands are queued");
        }
        await Task.WhenAll(rest);
        store.WriteStatistics.LargestBatch.ShouldBe(8);
        store.WriteStatistics.Commits.ShouldBe(1 + 3); // 8 + 8 + 4
    }

    [Fact]
    public async Task A_refused_command_fails_alone_and_its_neighbours_commit()
    {
        await using var store = await OpenAsync(_directory.Path);
        Task<RegisteredVersion> a, b, c;
        using (var holder = WriteLockHolder.Take(store.FilePath))
        {
            _ = await WriteLockHolder.ParkWriterAsync(store, Register("parked", Schema("Parked"), 0));
            a = store.ExecuteAsync(Register("n", Schema("A"), 0), None).AsTask();
            // Same expectation as a: a is applied first in the same transaction, so b sees version 1 and is refused.
            b = store.ExecuteAsync(Register("n", Schema("B"), 0), None).AsTask();
            c = store.ExecuteAsync(Register("m", Schema("C"), 0), None).AsTask();
            await WaitUntilAsync(() => store.WriteStatistics.QueueLength == 3, "all commands are queued");
        }

        (await a).Version.ShouldBe(1);
        (await Should.ThrowAsync<RegistryException>(() => b)).Code.ShouldBe(ErrorCode.WriteConflict);
        (await c).Version.ShouldBe(1);
        store.WriteStatistics.Commits.ShouldBe(2);
        store.WriteStatistics.CommandsRefused.ShouldBe(1);

        (await store.GetVersionsAsync("n", true, None)).ShouldHaveSingleItem().Schema.Text.ShouldBe(Schema("A"));
        (await store.FindSchemaAsync("JSON", Register("n", Schema("B"), 0).Fingerprint, [], None)).ShouldBeNull();
        using var connection = Connect(store.FilePath);
        Rows(connection, "SELECT subject FROM change_log ORDER BY seq").Select(r => (string)r[0]!).ShouldBe(["parked", "n", "m"]);
    }

    [Fact]
    public async Task A_command_failing_half_way_rolls_back_only_its_own_rows()
    {
        await using var store = await OpenAsync(_directory.Path);
        using (var connection = Connect(store.FilePath))
        {
            // Makes the third statement of one registration fail, after its schema and version rows were written.
            Execute(connection, "CREATE TRIGGER test_explode BEFORE INSERT ON version_tags WHEN NEW.tag = 'explode' BEGIN SELECT RAISE(ABORT, 'boom'); END");
        }
        var exploding = Register("bad", Schema("Bad"), 0) with
        {
            Metadata = new VersionMetadata(null, null, ["explode"], new Dictionary<string, string>()),
        };

        Task<RegisteredVersion> before, bad, after;
        using (var holder = WriteLockHolder.Take(store.FilePath))
        {
            _ = await WriteLockHolder.ParkWriterAsync(store, Register("parked", Schema("Parked"), 0));
            before = store.ExecuteAsync(Register("before", Schema("Before"), 0), None).AsTask();
            bad = store.ExecuteAsync(exploding, None).AsTask();
            after = store.ExecuteAsync(Register("after", Schema("After"), 0), None).AsTask();
            await WaitUntilAsync(() => store.WriteStatistics.QueueLength == 3, "all commands are queued");
        }

        (await before).Version.ShouldBe(1);
        var refusal = await Should.ThrowAsync<RegistryException>(() => bad);
        refusal.Code.ShouldBe(ErrorCode.StoreError);
        refusal.Message.ShouldNotContain("INSERT", Case.Insensitive);
        refusal.Message.ShouldNotContain("version_tags");
        (await after).Version.ShouldBe(1);

        (await store.GetVersionAsync("bad", 1, None)).ShouldBeNull();
        (await store.FindSchemaAsync("JSON", exploding.Fingerprint, [], None)).ShouldBeNull();
        (await store.ListSubjectsAsync(new SubjectQuery(IncludeDeleted: true), None)).ShouldBe(["after", "before", "parked"]);
    }

    [Fact]
    public async Task When_the_commit_fails_no_command_of_the_batch_is_acknowledged_or_saved()
    {
        await using var store = await OpenAsync(_directory.Path);
        using (var connection = Connect(store.FilePath))
        {
            // A deferred foreign key is only checked at COMMIT: a change_log row by actor 'fail-commit' makes the COMMIT
            // itself fail, a real SQLite commit failure with every statement before it having succeeded.
            Execute(connection, """
                CREATE TABLE test_guard (id INTEGER PRIMARY KEY);
                CREATE TABLE test_child (guard_id INTEGER REFERENCES test_guard (id) DEFERRABLE INITIALLY DEFERRED);
                CREATE TRIGGER test_fail_commit AFTER INSERT ON change_log WHEN NEW.actor = 'fail-commit'
                BEGIN INSERT INTO test_child (guard_id) VALUES (42); END;
                """);
        }

        Task<RegisteredVersion> parked, a, poison, c;
        using (var holder = WriteLockHolder.Take(store.FilePath))
        {
            parked = await WriteLockHolder.ParkWriterAsync(store, Register("parked", Schema("Parked"), 0));
            a = store.ExecuteAsync(Register("a", Schema("A"), 0), None).AsTask();
            poison = store.ExecuteAsync(Register("poison", Schema("Poison"), 0, actor: "fail-commit"), None).AsTask();
            c = store.ExecuteAsync(Register("c", Schema("C"), 0), None).AsTask();
            await WaitUntilAsync(() => store.WriteStatistics.QueueLength == 3, "all commands are queued");
        }

        (await parked).Version.ShouldBe(1);
        foreach (var task in new[] { a, poison, c })
        {
            var failure = await Should.ThrowAsync<RegistryException>(() => task);
            failure.Code.ShouldBe(ErrorCode.StoreError);
            failure.Message.ShouldContain("nothing was saved");
        }
        var stats = store.WriteStatistics;
        stats.FailedCommits.ShouldBe(1);
        stats.CommandsFailed.ShouldBe(3);
        stats.Commits.ShouldBe(1);

        (await store.ListSubjectsAsync(new SubjectQuery(IncludeDeleted: true), None)).ShouldBe(["parked"]);
        (await store.GetMaxSchemaIdAsync(None)).ShouldBe((await parked).SchemaId);

        // The writer carries on with the next batch.
        (await store.ExecuteAsync(Register("a", Schema("A"), 0), None)).Version.ShouldBe(1);
    }

    [Fact]
    public async Task A_queued_command_can_be_cancelled_and_is_never_applied()
    {
        await using var store = await OpenAsync(_directory.Path);
        using var cancellation = new CancellationTokenSource();
        Task<RegisteredVersion> parked, cancelled;
        using (var holder = WriteLockHolder.Take(store.FilePath))
        {
            parked = await WriteLockHolder.ParkWriterAsync(store, Register("parked", Schema("Parked"), 0));
            cancelled = store.ExecuteAsync(Register("cancelled", Schema("Cancelled"), 0), cancellation.Token).AsTask();
            await WaitUntilAsync(() => store.WriteStatistics.QueueLength == 1, "the command is queued");
            await cancellation.CancelAsync();
            await Should.ThrowAsync<OperationCanceledException>(() => cancelled);
        }
        await parked;
        await store.ExecuteAsync(Register("later", Schema("Later"), 0), None); // the writer has passed the cancelled command
        (await store.ListSubjectsAsync(new SubjectQuery(IncludeDeleted: true), None)).ShouldBe(["later", "parked"]);
        store.WriteStatistics.CommandsCancelled.ShouldBe(1);
    }

    [Fact]
    public async Task Cancelling_a_command_the_writer_has_started_still_reports_its_committed_outcome()
    {
        await using var store = await OpenAsync(_directory.Path);
        using var cancellation = new CancellationTokenSource();
        Task<RegisteredVersion> started;
        using (var holder = WriteLockHolder.Take(store.FilePath))
        {
            var batchesBefore = store.WriteStatistics.Batches;
            started = store.ExecuteAsync(Register("started", Schema("Started"), 0), cancellation.Token).AsTask();
            await WaitUntilAsync(() => store.WriteStatistics.Batches == batchesBefore + 1, "the writer started the command");
            await cancellation.CancelAsync();
            await Task.Delay(50);
            started.IsCompleted.ShouldBeFalse();
        }
        (await started).Version.ShouldBe(1);
        (await store.GetVersionAsync("started", 1, None)).ShouldNotBeNull();
    }

    [Fact]
    public async Task Dispose_applies_every_queued_command_before_closing()
    {
        var store = await OpenAsync(_directory.Path);
        Task<RegisteredVersion> parked;
        Task<RegisteredVersion>[] queued;
        ValueTask disposing;
        using (var holder = WriteLockHolder.Take(store.FilePath))
        {
            parked = await WriteLockHolder.ParkWriterAsync(store, Register("parked", Schema("Parked"), 0));
            queued = Enumerable.Range(0, 10).Select(i => store.ExecuteAsync(Register($"q{i}", Schema($"Q{i}"), 0), None).AsTask()).ToArray();
            await WaitUntilAsync(() => store.WriteStatistics.QueueLength == 10, "all commands are queued");
            disposing = store.DisposeAsync();
            store.IsReady.ShouldBeFalse();
            await Should.ThrowAsync<ObjectDisposedException>(() => store.ExecuteAsync(Register("late", Schema("Late"), 0), None).AsTask());
        }
        await disposing;
        await parked;
        await Task.WhenAll(queued);

        await using var reopened = await OpenAsync(_directory.Path);
        (await reopened.ListSubjectsAsync(new SubjectQuery(), None)).Count.ShouldBe(11);
    }
}
