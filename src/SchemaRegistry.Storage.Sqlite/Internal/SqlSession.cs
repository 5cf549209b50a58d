using Microsoft.Data.Sqlite;

namespace SchemaRegistry.Storage.Sqlite.Internal;

/// <summary>
/// One open connection with its prepared statements. Microsoft.Data.Sqlite keeps a command's statements prepared
/// while its text and connection stay the same, so caching the command objects by SQL text skips re-parsing on every
/// call. A session is used by one thread at a time (the writer thread, or the reader that rented it).
/// </summary>
internal sealed class SqlSession : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    private SqlSession(SqliteConnection connection) => Connection = connection;

    public SqliteConnection Connection { get; }

    /// <summary>Opens a connection and applies the per-connection PRAGMAs.</summary>
    public static SqlSession Open(string path, bool readOnly, TimeSpan busyTimeout)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            // Sessions are pooled by the store itself (with their prepared statements), not by the provider.
            Pooling = false,
            DefaultTimeout = (int)Math.Max(1, Math.Ceiling(busyTimeout.TotalSeconds)),
        };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            var session = new SqlSession(connection);
            var timeout = (long)busyTimeout.TotalMilliseconds;
            // busy_timeout: wait for another connection's lock instead of failing at once. foreign_keys and
            // synchronous are per connection and off/lower by default; set them on every connection. temp_store:
            // the writer's per-command savepoints journal every page a batch touches, and past 64 KiB SQLite
            // spilled that journal to a new file in /var/tmp, once per group commit (created, written, deleted);
            // in memory it is bounded by the batch, and nothing of it needs to survive a crash (the WAL does).
            session.Execute($"PRAGMA busy_timeout = {timeout}; PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; PRAGMA temp_store = MEMORY;");
            return session;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The cached command for <paramref name="sql"/>; bind every parameter before each use.</summary>
    public SqliteCommand Command(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = Connection.CreateCommand();
#pragma warning disable CA2100 // Every SQL text comes from the constants in Sql; values are always bound as parameters.
            command.CommandText = sql;
#pragma warning restore CA2100
            _commands.Add(sql, command);
        }
        return command;
    }

    /// <summary>Runs a statement that returns nothing.</summary>
    public int Execute(string sql) => Command(sql).ExecuteNonQuery();

    /// <summary>Runs a statement and returns the first column of its first row, or null.</summary>
    public object? Scalar(string sql)
    {
        var value = Command(sql).ExecuteScalar();
        return value is DBNull ? null : value;
    }

    /// <summary>True while a transaction is open on the connection (SQLite may roll one back on its own after I/O errors).</summary>
    public bool InTransaction => SQLitePCL.raw.sqlite3_get_autocommit(Connection.Handle) == 0;

    /// <summary>Stops the statement running on this connection (from another thread), for cancellation.</summary>
    public void Interrupt() => SQLitePCL.raw.sqlite3_interrupt(Connection.Handle);

    public void Dispose()
    {
        foreach (var command in _commands.Values) command.Dispose();
        _commands.Clear();
        Connection.Dispose();
    }
}

/// <summary>Parameter binding on cached commands: reuses the parameter object when the command has one.</summary>
internal static class SqliteCommandExtensions
{
    public static SqliteCommand Bind(this SqliteCommand command, string name, object? value)
    {
        var parameters = command.Parameters;
        var index = parameters.IndexOf(name);
        if (index >= 0) parameters[index].Value = value ?? DBNull.Value;
        else parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }
}
