using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Storage;

namespace SchemaRegistry.Storage.Sqlite.Internal;

/// <summary>
/// The single writer. Callers queue commands in a channel; one dedicated thread owns the write connection and, each
/// time it wakes, drains every waiting command (up to the batch limit) into ONE transaction:
/// <code>
/// BEGIN IMMEDIATE
///   SAVEPOINT command; apply #1; RELEASE command       -- a refusal: ROLLBACK TO command; RELEASE command
///   SAVEPOINT command; apply #2; RELEASE command
///   ...
/// COMMIT                                               -- one fsync (synchronous=FULL) for the whole batch
/// </code>
/// and only then completes the callers' tasks. Under load the batch grows by itself (commands pile up while the
/// previous fsync runs), so throughput rises with concurrency while a lone write still commits at once. A refused
/// command undoes only its own savepoint; if the COMMIT (or the transaction) fails, every command of the batch fails
/// with <see cref="ErrorCode.StoreError"/> and none is acknowledged.
/// </summary>
internal sealed class GroupCommitWriter : IAsyncDisposable
{
    private readonly Channel<PendingWrite> _queue;
    private readonly SqlSession _session;
    private readonly CommandApplier _applier;
    private readonly SubjectReadCache _cache;
    private readonly int _maxBatch;
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _batches, _commits, _failedCommits, _applied, _refused, _failed, _cancelled;
    private int _largestBatch;
    private volatile bool _crashed;

    /// <summary>Takes ownership of <paramref name="session"/> and starts the writer thread.</summary>
    public GroupCommitWriter(SqlSession session, TimeProvider clock, int maxBatch, int capacity, SubjectReadCache cache)
    {
        _session = session;
        _cache = cache;
        _applier = new CommandApplier(session, clock);
        _maxBatch = maxBatch;
        _queue = Channel.CreateBounded<PendingWrite>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        // A dedicated thread, not the pool: SQLite calls block (fsync), and the connection belongs to one thread.
        new Thread(Run) { IsBackground = true, Name = "sqlite-store-writer" }.Start();
    }

    /// <summary>False once the writer thread has stopped on an unexpected failure (the store can no longer write).</summary>
    public bool IsHealthy => !_crashed;

    public StoreWriteStatistics Statistics => new(
        Interlocked.Read(ref _batches),
        Interlocked.Read(ref _commits),
        Interlocked.Read(ref _failedCommits),
        Interlocked.Read(ref _applied),
        Interlocked.Read(ref _refused),
        Interlocked.Read(ref _failed),
        Interlocked.Read(ref _cancelled),
        Volatile.Read(ref _largestBatch),
        _queue.Reader.Count);

    public ValueTask<TResult> EnqueueAsync<TResult>(StoreCommand<TResult> command, CancellationToken token)
    {
        var write = new PendingWrite<TResult>(command, token);
        if (_queue.Writer.TryWrite(write)) return new ValueTask<TResult>(write.Task);
        return EnqueueSlowAsync(write, token);
    }

    private async ValueTask<TResult> EnqueueSlowAsync<TResult>(PendingWrite<TResult> write, CancellationToken token)
    {
        try
        {
            await _queue.Writer.WriteAsync(write, token).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            write.Abandon();
            throw _crashed
                ? new RegistryException(ErrorCode.StoreError, "The store's writer has stopped after an unexpected failure; restart the registry.")
                : new ObjectDisposedException(nameof(SqliteSchemaStore));
        }
        catch (OperationCanceledException)
        {
            write.Abandon();
            throw;
        }
        return await write.Task.ConfigureAwait(false);
    }

    /// <summary>Stops taking commands, lets the writer apply everything already queued, and waits for it to close.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stopped.Task.ConfigureAwait(false);
    }

    private void Run()
    {
        var batch = new List<PendingWrite>(Math.Min(_maxBatch, 1024));
        try
        {
            while (WaitForWork())
            {
                while (batch.Count < _maxBatch && _queue.Reader.TryRead(out var write))
                {
                    if (write.TryStart()) batch.Add(write);
                    else Interlocked.Increment(ref _cancelled);
                }
                if (batch.Count > 0) ApplyBatch(batch);
                batch.Clear();
            }
        }
#pragma warning disable CA1031 // The writer thread must never die silently with callers still waiting on it.
        catch (Exception)
#pragma warning restore CA1031
        {
            _crashed = true;
            _queue.Writer.TryComplete();
            var error = new RegistryException(ErrorCode.StoreError, "The store's writer stopped after an unexpected failure; nothing was saved.");
            foreach (var write in batch) write.Fail(error);
            while (_queue.Reader.TryRead(out var write))
            {
                write.TryStart();
                write.Fail(error);
            }
        }
        finally
        {
            Close();
            _stopped.TrySetResult();
        }
    }

    private static System.Diagnostics.Activity? StartCommitSpan(List<PendingWrite> batch)
    {
        var links = new List<System.Diagnostics.ActivityLink>(batch.Count);
        foreach (var write in batch)
        {
            if (write.Caller != default) links.Add(new System.Diagnostics.ActivityLink(write.Caller));
        }
        var activity = StoreActivities.Source.StartActivity("store.commit", System.Diagnostics.ActivityKind.Internal, parentContext: default, links: links);
        activity?.SetTag("store.batch_size", batch.Count);
        return activity;
    }

    private bool WaitForWork()
    {
        var wait = _queue.Reader.WaitToReadAsync();
        return wait.IsCompletedSuccessfully ? wait.Result : wait.AsTask().GetAwaiter().GetResult();
    }

    private void ApplyBatch(List<PendingWrite> batch)
    {
        // One span per transaction, linked to every request whose write it carries (they run on other threads).
        using var activity = StoreActivities.Source.HasListeners() ? StartCommitSpan(batch) : null;
        Interlocked.Increment(ref _batches);
        if (batch.Count > _largestBatch) Volatile.Write(ref _largestBatch, batch.Count);
        try
        {
            _session.Execute(Sql.Begin);
            foreach (var write in batch) ApplyOne(write);
        }
        catch (SqliteException exception)
        {
            // The transaction itself is gone or unusable (I/O error, disk full, lock timeout): nothing of it stays.
            RollbackQuietly();
            FailAll(batch, StoreErrors.BatchLost(exception));
            return;
        }

        // The read cache leaves out what the batch changes while the COMMIT makes it visible, and takes it back
        // (extended where it can) before any caller hears of its write.
        _cache.BeginCommit(batch);
        try
        {
            _session.Execute(Sql.Commit);
        }
        catch (SqliteException exception)
        {
            RollbackQuietly();
            Interlocked.Increment(ref _failedCommits);
            _cache.EndCommit(batch, _session, committed: false);
            FailAll(batch, StoreErrors.Commit(exception));
            return;
        }
        _cache.EndCommit(batch, _session, committed: true);
        Interlocked.Increment(ref _commits);
        foreach (var write in batch)
        {
            if (write.IsRefused) Interlocked.Increment(ref _refused);
            else Interlocked.Increment(ref _applied);
            write.Publish();
        }
    }

    private void ApplyOne(PendingWrite write)
    {
        _session.Execute(Sql.Savepoint);
        Exception refusal;
        try
        {
            write.Apply(_applier);
            _session.Execute(Sql.ReleaseSavepoint);
            return;
        }
        catch (SqliteException exception) when (_session.InTransaction)
        {
            refusal = StoreErrors.Write(exception);
        }
        catch (RegistryException exception)
        {
            refusal = exception;
        }
#pragma warning disable CA1031 // A bug in one command (say, an unknown command type) fails that command, not its neighbours.
        catch (Exception exception) when (exception is not SqliteException)
#pragma warning restore CA1031
        {
            refusal = exception;
        }
        // Undo exactly this command's rows. If even that fails, the exception ends the whole batch (see ApplyBatch).
        _session.Execute(Sql.RollbackToSavepoint);
        _session.Execute(Sql.ReleaseSavepoint);
        write.Refuse(refusal);
    }

    private void FailAll(List<PendingWrite> batch, RegistryException error)
    {
        Interlocked.Add(ref _failed, batch.Count);
        foreach (var write in batch) write.Fail(error);
    }

    private void RollbackQuietly()
    {
        try
        {
            if (_session.InTransaction) _session.Execute(Sql.Rollback);
        }
        catch (SqliteException)
        {
            // Already rolled back by SQLite; the callers are told the batch failed either way.
        }
    }

    private void Close()
    {
        try
        {
            // Fold the WAL back into the main file so a stopped store is one self-contained file.
            _session.Execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        catch (SqliteException)
        {
            // A reader may still hold a snapshot; the WAL is replayed on next open anyway.
        }
        _applier.Dispose();
        _session.Dispose();
    }
}
