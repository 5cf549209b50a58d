using System.Text.Json;
using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Lifecycle;
using SchemaRegistry.Core.Storage;
using static SchemaRegistry.Storage.Sqlite.Tests.SqliteTestSupport;

namespace SchemaRegistry.Storage.Sqlite.Tests;

public sealed class ChangeLogTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Every_applied_command_writes_one_change_log_row_and_refused_ones_none()
    {
        var clock = new FixedClock(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero));
        await using var store = await OpenAsync(_directory.Path, o => o with { Clock = clock });
        var registered = await store.ExecuteAsync(Register("s", Schema("A"), 0, actor: "alice"), None);
        await Should.ThrowAsync<RegistryException>(() => store.ExecuteAsync(Register("s", Schema("B"), 0, actor: "mallory"), None).AsTask());
        await store.ExecuteAsync(new ChangeStateCommand("s", 1, VersionState.Deprecated, clock.GetUtcNow().AddDays(90)) { Actor = "bob" }, None);
        await store.ExecuteAsync(new SetConfigCommand(null, new SubjectConfig(CompatibilityLevel.Full, null)), None);
        await store.ExecuteAsync(new SetModeCommand("s", RegistryMode.ReadOnly), None);
        await store.ExecuteAsync(new DeleteModeCommand("s"), None);
        await store.ExecuteAsync(new DeleteConfigCommand(null), None);
        await store.ExecuteAsync(new DeleteVersionCommand("s", 1, Permanent: false), None);
        await store.ExecuteAsync(new DeleteSubjectCommand("s", Permanent: true), None);

        using var connection = Connect(store.FilePath);
        var rows = Rows(connection, "SELECT seq, at, actor, kind, subject, version, schema_id, detail FROM change_log ORDER BY seq");
        rows.Select(r => (string)r[3]!).ShouldBe([
            "version.registered", "version.state_changed", "config.set", "mode.set", "mode.deleted", "config.deleted",
            "version.deleted", "subject.deleted"]);
        rows.Select(r => (long)r[0]!).ShouldBe(Enumerable.Range(1, 8).Select(i => (long)i));
        rows.ShouldAllBe(r => (long)r[1]! == clock.GetUtcNow().ToUnixTimeMilliseconds());
        rows.Select(r => (string)r[2]!).ShouldBe(["alice", "bob", "anonymous", "anonymous", "anonymous", "anonymous", "anonymous", "anonymous"]);

        var first = rows[0];
        first[4].ShouldBe("s");
        first[5].ShouldBe(1L);
        first[6].ShouldBe(registered.SchemaId);
        using (var detail = JsonDocument.Parse((string)first[7]!))
        {
            detail.RootElement.GetProperty("newSchema").GetBoolean().ShouldBeTrue();
            detail.RootElement.GetProperty("state").GetString().ShouldBe("ACTIVE");
        }
        rows[2][4].ShouldBeNull(); // global config: no subject
        using (var detail = JsonDocument.Parse((string)rows[7][7]!))
        {
            detail.RootElement.GetProperty("permanent").GetBoolean().ShouldBeTrue();
            detail.RootElement.GetProperty("versions").EnumerateArray().Select(v => v.GetInt32()).ShouldBe([1]);
        }
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
