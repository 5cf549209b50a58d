using Microsoft.Data.Sqlite;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Storage;
using SchemaRegistry.Storage.Sqlite.Internal;

namespace SchemaRegistry.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode with <c>synchronous=FULL</c>.
/// <para>
/// Writes go through a single writer thread that owns the only write connection and group-commits: every command
/// waiting when it wakes is applied in one transaction (each in its own savepoint) and committed with one fsync; a
/// caller's task completes only after that COMMIT. Reads run on a pool of read-only connections that see the last
/// committed state and never wait for the writer.
/// </para>
/// <para>
/// Schema ids come from an AUTOINCREMENT key, so they are never reused; version numbers are checked against the
/// caller's expectation inside the writer, so they have no gaps and no duplicates under any concurrency.
/// </para>
/// </summary>
public sealed partial class SqliteSchemaStore : ISchemaStore
{
    /// <summary>The activity source of the store's spans (<c>store.commit</c>).</summary>
    public const string ActivitySourceName = "SchemaRegistry.Storage";

    private readonly SqliteStoreOptions _options;
    private readonly Lock _gate = new();
    private GroupCommitWriter? _writer;
    private ReaderPool? _readers;
    private readonly SchemaRowCache _schemaRows = new();
    private readonly SubjectReadCache _subjects;
    private volatile bool _ready;
    private bool _disposed;

    /// <summary>Creates a store over the file the options name; nothing is opened until <see cref="OpenAsync"/>.</summary>
    public SqliteSchemaStore(SqliteStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _subjects = new SubjectReadCache(options.SubjectCacheVersions, _schemaRows);
        FilePath = options.ResolveFilePath();
    }

    /// <summary>The database file.</summary>
    public string FilePath { get; }

    /// <inheritdoc />
    /// <remarks>False again after dispose, or if the writer thread ever stopped on an unexpected failure.</remarks>
    public bool IsReady => _ready && _writer is { IsHealthy: true };

    /// <summary>Counters of the group-commit writer (all zero before the store is opened).</summary>
    public StoreWriteStatistics WriteStatistics => _writer?.Statistics ?? default;

    /// <summary>
    /// Lookups of a subject's versions, configuration or mode answered from memory (<see cref="SqliteStoreOptions.SubjectCacheVersions"/>),
    /// and those that read the file.
    /// </summary>
    public (long Hits, long Misses) SubjectCacheStatistics => (_subjects.Hits, _subjects.Misses);

    /// <summary>The PRAGMAs in effect on the write connection, read back after they were set.</summary>
    internal SqlitePragmas? Pragmas { get; private set; }

    /// <inheritdoc />
    /// <remarks>
    /// Creates the directory and file when missing, switches the file to WAL, applies pending migrations and starts
    /// the writer. Calling it again once open does nothing.
    /// </remarks>
    /// <exception cref="RegistryException">
    /// <see cref="ErrorCode.StoreError"/>: the file cannot be opened, is not a registry store, or was written by a newer
    /// registry (its migration number is beyond this build's).
    /// </exception>
    public ValueTask OpenAsync(CancellationToken token)
    {
        if (token.IsCancellationRequested) return ValueTask.FromCanceled(token);
        try
        {
            Open();
            return ValueTask.CompletedTask;
        }
        catch (Exception exception) when (exception is RegistryException or ObjectDisposedException or IOException or UnauthorizedAccessException)
        {
            return ValueTask.FromException(exception);
        }
    }

    private void Open()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_ready) return;
            var directory = Path.GetDirectoryName(FilePath);
            if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
            SqlSession? session = null;
            try
            {
                session = SqlSession.Open(FilePath, readOnly: false, _options.BusyTimeout);
                Pragmas = EnableWriteAheadLog(session);
                SqliteMigrator.Apply(session, FilePath, _options.Clock);
                _readers = new ReaderPool(FilePath, _options.BusyTimeout, _options.MaxIdleReaders, _options.ReaderMemoryMapBytes);
                _writer = new GroupCommitWriter(session, _options.Clock, _options.MaxBatchSize, _options.MaxQueuedWrites, _subjects);
                session = null; // the writer owns it now
                _ready = true;
            }
            catch (SqliteException exception)
            {
                throw StoreErrors.Open(FilePath, exception);
            }
            finally
            {
                session?.Dispose();
            }
        }
    }

    private SqlitePragmas EnableWriteAheadLog(SqlSession session)
    {
        // journal_mode is stored in the file: set once, every later connection reads in WAL mode too.
        var journalMode = session.Scalar("PRAGMA journal_mode = WAL") as string;
        if (!string.Equals(journalMode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new RegistryException(ErrorCode.StoreError,
                $"The store at '{FilePath}' could not switch to write-ahead logging (journal mode is '{journalMode}'); use a local file system.");
        }
        return new SqlitePragmas(
            journalMode!,
            Convert.ToInt32(session.Scalar("PRAGMA synchronous"), System.Globalization.CultureInfo.InvariantCulture),
            Convert.ToInt32(session.Scalar("PRAGMA foreign_keys"), System.Globalization.CultureInfo.InvariantCulture) == 1,
            Convert.ToInt32(session.Scalar("PRAGMA busy_timeout"), System.Globalization.CultureInfo.InvariantCulture),
            Convert.ToInt32(session.Scalar("PRAGMA temp_store"), System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <inheritdoc />
    /// <remarks>
    /// The command is queued for the writer; the returned task completes after the transaction that carried it has
    /// committed (and been fsynced). Cancelling <paramref name="token"/> withdraws the command only while it is still
    /// queued; once the writer has started it, the caller receives its committed outcome.
    /// </remarks>
    /// <exception cref="RegistryException">
    /// The command was refused (its own code), or the store failed (<see cref="ErrorCode.StoreError"/>; nothing was saved).
    /// </exception>
    public ValueTask<TResult> ExecuteAsync<TResult>(StoreCommand<TResult> command, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (token.IsCancellationRequested) return ValueTask.FromCanceled<TResult>(token);
        var writer = _writer;
        if (writer is null || !_ready) return ValueTask.FromException<TResult>(NotOpen());
        return writer.EnqueueAsync(command, token);
    }

    /// <summary>Stops accepting writes, applies and commits every write already queued, then closes the file.</summary>
    public async ValueTask DisposeAsync()
    {
        GroupCommitWriter? writer;
        ReaderPool? readers;
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            _ready = false;
            writer = _writer;
            readers = _readers;
        }
        readers?.Dispose();
        if (writer is not null) await writer.DisposeAsync().ConfigureAwait(false);
    }

    private Exception NotOpen() =>
        _disposed ? new ObjectDisposedException(nameof(SqliteSchemaStore)) : new InvalidOperationException("The store is not open; call OpenAsync first.");
}

/// <summary>PRAGMA values read back from the write connection.</summary>
/// <param name="JournalMode">Expected <c>wal</c>.</param>
/// <param name="Synchronous">Expected 2 (FULL).</param>
/// <param name="ForeignKeys">Expected true.</param>
/// <param name="BusyTimeoutMilliseconds">The configured busy timeout.</param>
/// <param name="TempStore">Expected 2 (MEMORY).</param>
internal sealed record SqlitePragmas(string JournalMode, int Synchronous, bool ForeignKeys, int BusyTimeoutMilliseconds, int TempStore);
