using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using SchemaRegistry.Core.Formats;
using SchemaRegistry.Core.Lifecycle;
using SchemaRegistry.Core.Storage;

namespace SchemaRegistry.Storage.Sqlite.Tests;

/// <summary>Helpers for the SQLite-specific tests: stores in temp directories, raw connections, lock holding.</summary>
internal static class SqliteTestSupport
{
    public static CancellationToken None => CancellationToken.None;

    public static async Task<SqliteSchemaStore> OpenAsync(string directory, Func<SqliteStoreOptions, SqliteStoreOptions>? tweak = null)
    {
        var options = SqliteStoreOptions.InDirectory(directory);
        var store = new SqliteSchemaStore(tweak is null ? options : tweak(options));
        await store.OpenAsync(None);
        return store;
    }

    public static string Schema(string name) => $$"""{"type":"object","title":"{{name}}"}""";

    public static RegisterVersionCommand Register(string subject, string text, int expectedLatestVersion, IReadOnlyList<SchemaReference>? references = null, string actor = "tester") =>
        new(subject, "JSON", text, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))), references ?? [], "1.0.0",
            VersionState.Active, VersionMetadata.Empty, expectedLatestVersion) { Actor = actor };

    /// <summary>A plain connection of the test's own (no pooling, so closing it really releases the file).</summary>
    public static SqliteConnection Connect(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    public static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public static List<object?[]> Rows(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    public static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out waiting until {what}.");
            await Task.Delay(2);
        }
    }
}

/// <summary>
/// Holds SQLite's write lock from a connection of the test's own, so the store's writer blocks in BEGIN IMMEDIATE
/// on its current batch and every command queued meanwhile lands in the next batch: deterministic batches without
/// any hook in the product code.
/// </summary>
internal sealed class WriteLockHolder : IDisposable
{
    private readonly SqliteConnection _connection;
    private bool _released;

    private WriteLockHolder(SqliteConnection connection) => _connection = connection;

    public static WriteLockHolder Take(string path)
    {
        var connection = SqliteTestSupport.Connect(path);
        SqliteTestSupport.Execute(connection, "BEGIN IMMEDIATE");
        return new WriteLockHolder(connection);
    }

    /// <summary>
    /// Queues <paramref name="first"/> and waits until the writer has taken it as a batch of its own (it is now
    /// blocked on the lock). Returns its task.
    /// </summary>
    public static async Task<Task<T>> ParkWriterAsync<T>(SqliteSchemaStore store, StoreCommand<T> first)
    {
        var batchesBefore = store.WriteStatistics.Batches;
        var task = store.ExecuteAsync(first, CancellationToken.None).AsTask();
        await SqliteTestSupport.WaitUntilAsync(
            () => store.WriteStatistics.Batches == batchesBefore + 1 && store.WriteStatistics.QueueLength == 0,
            "the writer took the first command");
        return task;
    }

    public void Release()
    {
        if (_released) return;
        _released = true;
        SqliteTestSupport.Execute(_connection, "ROLLBACK");
        _connection.Dispose();
    }

    public void Dispose() => Release();
}
