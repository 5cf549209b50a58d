using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Storage;
using SchemaRegistry.Storage.Sqlite.Internal;
using static SchemaRegistry.Storage.Sqlite.Tests.SqliteTestSupport;

namespace SchemaRegistry.Storage.Sqlite.Tests;

public sealed class StoreLifecycleTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Embedded_migrations_are_numbered_from_one_without_gaps()
    {
        SqliteMigrator.Embedded.Count.ShouldBeGreaterThan(0);
        SqliteMigrator.Embedded.Select(m => m.Version).ShouldBe(Enumerable.Range(1, SqliteMigrator.Embedded.Count));
        SqliteMigrator.Embedded[0].Name.ShouldBe("initial");
        SqliteMigrator.Embedded[0].Sql.ShouldContain("CREATE TABLE versions");
    }

    [Fact]
    public async Task Migrations_are_applied_once_and_recorded()
    {
        var store = await OpenAsync(_directory.Path);
        store.IsReady.ShouldBeTrue();
        await store.DisposeAsync();
        store.IsReady.ShouldBeFalse();

        List<object?[]> first;
        using (var connection = Connect(store.FilePath))
        {
            first = Rows(connection, "SELECT version, name, applied_at FROM schema_migrations ORDER BY version");
        }
        first.Select(r => (long)r[0]!).ShouldBe(SqliteMigrator.Embedded.Select(m => (long)m.Version));
        first.Select(r => (string)r[1]!).ShouldBe(SqliteMigrator.Embedded.Select(m => m.Name));
        first.ShouldAllBe(r => (long)r[2]! > 0);

        await (await OpenAsync(_directory.Path)).DisposeAsync();
        using (var connection = Connect(store.FilePath))
        {
            var second = Rows(connection, "SELECT version, name, applied_at FROM schema_migrations ORDER BY version");
            second.Select(r => (r[0], r[1], r[2])).ShouldBe(first.Select(r => (r[0], r[1], r[2])));
        }
    }

    [Fact]
    public async Task Reopening_keeps_data_ids_and_numbering()
    {
        RegisteredVersion a, b, imported;
        await using (var store = await OpenAsync(_directory.Path))
        {
            a = await store.ExecuteAsync(Register("s", Schema("A"), 0), None);
            b = await store.ExecuteAsync(Register("s", Schema("B"), 1), None);
            imported = await store.ExecuteAsync(Register("legacy", Schema("C"), 0) with { ExplicitId = 500 }, None);
            await store.ExecuteAsync(new DeleteVersionCommand("s", 2, Permanent: false), None);
            await store.ExecuteAsync(new SetModeCommand(null, RegistryMode.ReadOnly), None);
        }

        await using (var store = await OpenAsync(_directory.Path))
        {
            (await store.GetSchemaAsync(a.SchemaId, None)).ShouldNotBeNull().Text.ShouldBe(Schema("A"));
            (await store.GetSchemaAsync(b.SchemaId, None)).ShouldNotBeNull().Text.ShouldBe(Schema("B"));
            (await store.GetSchemaAsync(500, None)).ShouldNotBeNull().Text.ShouldBe(Schema("C"));
            (await store.GetVersionAsync("s", 2, None)).ShouldNotBeNull().Deleted.ShouldBeTrue();
            (await store.GetModeAsync(null, None)).ShouldBe(RegistryMode.ReadOnly);
            (await store.GetMaxSchemaIdAsync(None)).ShouldBe(500);
            (await store.ExecuteAsync(Register("s", Schema("A"), 2), None)).ShouldBe(new RegisteredVersion(a.SchemaId, 3));
            (await store.ExecuteAsync(Register("t", Schema("D"), 0), None)).SchemaId.ShouldBe(501);
        }
    }

    [Fact]
    public async Task An_acknowledged_write_is_in_the_files_before_the_store_is_closed()
    {
        // A crash stand-in: copy the database and its WAL while the store is still open (no checkpoint, no close),
        // then open the copy. Whatever ExecuteAsync acknowledged must be there.
        await using var store = await OpenAsync(_directory.Path);
        var acknowledged = new List<RegisteredVersion>();
        for (var i = 0; i < 20; i++) acknowledged.Add(await store.ExecuteAsync(Register($"s{i % 4}", Schema($"S{i}"), i / 4), None));

        var copy = Path.Combine(_directory.Path, "copy");
        Directory.CreateDirectory(copy);
        File.Copy(store.FilePath, Path.Combine(copy, "registry.db"));
        File.Copy(store.FilePath + "-wal", Path.Combine(copy, "registry.db-wal"));

        await using var recovered = await OpenAsync(copy);
        for (var i = 0; i < 20; i++)
        {
            var version = (await recovered.GetVersionAsync($"s{i % 4}", i / 4 + 1, None)).ShouldNotBeNull();
            version.Schema.Id.ShouldBe(acknowledged[i].SchemaId);
            version.Schema.Text.ShouldBe(Schema($"S{i}"));
        }
    }

    [Fact]
    public async Task The_write_connection_runs_wal_with_full_sync_foreign_keys_and_an_in_memory_savepoint_journal()
    {
        await using var store = await OpenAsync(_directory.Path, o => o with { BusyTimeout = TimeSpan.FromMilliseconds(1234) });
        var pragmas = store.Pragmas.ShouldNotBeNull();
        pragmas.JournalMode.ShouldBe("wal");
        pragmas.Synchronous.ShouldBe(2);
        pragmas.ForeignKeys.ShouldBeTrue();
        pragmas.BusyTimeoutMilliseconds.ShouldBe(1234);
        pragmas.TempStore.ShouldBe(2); // MEMORY: a batch's savepoint journal never becomes a file in /var/tmp

        using var connection = Connect(store.FilePath);
        Scalar(connection, "PRAGMA journal_mode").ShouldBe("wal"); // persistent in the file
        File.Exists(store.FilePath + "-wal").ShouldBeTrue();
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(1L << 20)]
    public async Task Read_connections_map_as_much_of_the_file_as_configured(long mapBytes)
    {
        await using (var store = await OpenAsync(_directory.Path, o => o with { ReaderMemoryMapBytes = mapBytes }))
        {
            var registered = await store.ExecuteAsync(Register("s", Schema("A"), 0), None);
            (await store.GetSchemaAsync(registered.SchemaId, None)).ShouldNotBeNull().Text.ShouldBe(Schema("A"));
        }
        using var pool = new ReaderPool(Path.Combine(_directory.Path, "registry.db"), TimeSpan.FromSeconds(1), 1, mapBytes);
        var session = pool.Rent();
        Convert.ToInt64(session.Scalar("PRAGMA mmap_size"), System.Globalization.CultureInfo.InvariantCulture).ShouldBe(mapBytes);
        pool.Return(session, healthy: true);
    }

    [Fact]
    public async Task The_reader_pool_rents_the_session_returned_last_and_keeps_no_more_idle_than_its_limit()
    {
        await using (var store = await OpenAsync(_directory.Path))
            await store.ExecuteAsync(Register("s", Schema("A"), 0), None);
        using var pool = new ReaderPool(Path.Combine(_directory.Path, "registry.db"), TimeSpan.FromSeconds(1), 2, 0);
        var (a, b, c) = (pool.Rent(), pool.Rent(), pool.Rent());
        pool.Return(a, healthy: true);
        pool.Return(b, healthy: true);
        pool.Return(c, healthy: true); // a third idle session is over the limit: closed
        var first = pool.Rent();
        var second = pool.Rent();
        var third = pool.Rent();
        first.ShouldBeSameAs(b);
        second.ShouldBeSameAs(a);
        third.ShouldNotBeSameAs(c);
        third.Scalar("SELECT count(*) FROM sqlite_master").ShouldNotBeNull();
        foreach (var session in new[] { first, second, third }) pool.Return(session, healthy: true);
    }

    [Fact]
    public async Task A_negative_memory_map_is_refused() =>
        await Should.ThrowAsync<ArgumentException>(() => OpenAsync(_directory.Path, o => o with { ReaderMemoryMapBytes = -1 }));

    [Fact]
    public async Task The_data_directory_is_created_and_holds_registry_db()
    {
        var nested = Path.Combine(_directory.Path, "a", "b");
        await using (var store = await OpenAsync(nested))
        {
            store.FilePath.ShouldBe(Path.Combine(nested, "registry.db"));
            await store.ExecuteAsync(Register("s", Schema("A"), 0), None);
        }
        File.Exists(Path.Combine(nested, "registry.db")).ShouldBeTrue();
    }

    [Fact]
    public async Task An_explicit_file_path_is_used_as_given()
    {
        var path = Path.Combine(_directory.Path, "sub", "custom.sqlite");
        await using (var store = new SqliteSchemaStore(SqliteStoreOptions.AtFile(path)))
        {
            await store.OpenAsync(None);
            await store.ExecuteAsync(Register("s", Schema("A"), 0), None);
        }
        File.Exists(path).ShouldBeTrue();
        await using var reopened = new SqliteSchemaStore(SqliteStoreOptions.AtFile(path));
        await reopened.OpenAsync(None);
        (await reopened.GetMaxVersionAsync("s", None)).ShouldBe(1);
    }

    [Fact]
    public void Options_need_exactly_one_location_and_sane_limits()
    {
        Should.Throw<ArgumentException>(() => new SqliteSchemaStore(new SqliteStoreOptions()));
        Should.Throw<ArgumentException>(() => new SqliteSchemaStore(new SqliteStoreOptions { DataDirectory = "x", FilePath = "y" }));
        Should.Throw<ArgumentException>(() => new SqliteSchemaStore(SqliteStoreOptions.InDirectory("x") with { MaxBatchSize = 0 }));
        Should.Throw<ArgumentException>(() => new SqliteSchemaStore(SqliteStoreOptions.InDirectory("x") with { BusyTimeout = TimeSpan.FromSeconds(-1) }));
    }

    [Fact]
    public async Task A_store_written_by_a_newer_registry_refuses_to_open()
    {
        await (await OpenAsync(_directory.Path)).DisposeAsync();
        var path = Path.Combine(_directory.Path, SqliteStoreOptions.DefaultFileName);
        var future = SqliteMigrator.LatestVersion + 1;
        using (var connection = Connect(path))
        {
            Execute(connection, $"INSERT INTO schema_migrations (version, name, applied_at) VALUES ({future}, 'from_the_future', 0)");
        }

        await using var store = new SqliteSchemaStore(SqliteStoreOptions.InDirectory(_directory.Path));
        var refusal = await Should.ThrowAsync<RegistryException>(() => store.OpenAsync(None).AsTask());
        refusal.Code.ShouldBe(ErrorCode.StoreError);
        refusal.Message.ShouldContain($"schema version {future}");
        refusal.Message.ShouldContain("newer registry");
        store.IsReady.ShouldBeFalse();
        await Should.ThrowAsync<InvalidOperationException>(() => store.GetMaxSchemaIdAsync(None).AsTask());
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_is_refused_with_a_store_error()
    {
        await File.WriteAllTextAsync(_directory.File("registry.db"), new string('x', 4096));
        await using var store = new SqliteSchemaStore(SqliteStoreOptions.InDirectory(_directory.Path));
        var refusal = await Should.ThrowAsync<RegistryException>(() => store.OpenAsync(None).AsTask());
        refusal.Code.ShouldBe(ErrorCode.StoreError);
        refusal.Message.ShouldContain("registry.db");
    }

    [Fact]
    public async Task Calls_before_open_and_after_dispose_are_refused_clearly()
    {
        var store = new SqliteSchemaStore(SqliteStoreOptions.InDirectory(_directory.Path));
        store.IsReady.ShouldBeFalse();
        await Should.ThrowAsync<InvalidOperationException>(() => store.ExecuteAsync(Register("s", Schema("A"), 0), None).AsTask());
        await Should.ThrowAsync<InvalidOperationException>(() => store.GetVersionAsync("s", 1, None).AsTask());

        await store.OpenAsync(None);
        await store.OpenAsync(None); // a second open is a no-op
        await store.DisposeAsync();
        await store.DisposeAsync(); // so is a second dispose
        await Should.ThrowAsync<ObjectDisposedException>(() => store.ExecuteAsync(Register("s", Schema("A"), 0), None).AsTask());
        await Should.ThrowAsync<ObjectDisposedException>(() => store.GetVersionAsync("s", 1, None).AsTask());
        await Should.ThrowAsync<ObjectDisposedException>(() => store.OpenAsync(None).AsTask());
    }

    [Fact]
    public async Task SQLite_failures_surface_as_store_errors_without_sql()
    {
        await using var store = await OpenAsync(_directory.Path);
        var registered = await store.ExecuteAsync(Register("s", Schema("A"), 0), None);
        (await store.GetSchemaAsync(registered.SchemaId, None)).ShouldNotBeNull(); // warms the cached statement

        using (var connection = Connect(store.FilePath))
        {
            Execute(connection, "ALTER TABLE schemas RENAME TO schemas_moved");
        }

        var read = await Should.ThrowAsync<RegistryException>(() => store.GetSchemaAsync(registered.SchemaId, None).AsTask());
        read.Code.ShouldBe(ErrorCode.StoreError);
        read.Message.ShouldNotContain("SELECT", Case.Insensitive);
        read.Message.ShouldNotContain("schemas");

        var write = await Should.ThrowAsync<RegistryException>(() => store.ExecuteAsync(Register("t", Schema("B"), 0), None).AsTask());
        write.Code.ShouldBe(ErrorCode.StoreError);
        write.Message.ShouldNotContain("INSERT", Case.Insensitive);
        write.Message.ShouldNotContain("schemas");
    }
}
