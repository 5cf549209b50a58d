using System.Collections.Concurrent;

namespace SchemaRegistry.Storage.Sqlite.Internal;

/// <summary>
/// Read-only sessions for the read methods. WAL lets any number of them read a committed snapshot beside the writer;
/// idle ones are kept (with their prepared statements) up to a limit, extra ones are closed on return.
/// </summary>
internal sealed class ReaderPool(string path, TimeSpan busyTimeout, int maxIdle, long memoryMapBytes) : IDisposable
{
    private readonly ConcurrentQueue<SqlSession> _idle = new();
    private int _idleCount;
    private volatile bool _disposed;

    public SqlSession Rent()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_idle.TryDequeue(out var session))
        {
            Interlocked.Decrement(ref _idleCount);
            return session;
        }
        var opened = SqlSession.Open(path, readOnly: true, busyTimeout);
        if (memoryMapBytes > 0) opened.Execute($"PRAGMA mmap_size = {memoryMapBytes}");
        return opened;
    }

    /// <summary>Takes a session back; an unhealthy one (it failed mid-query) is closed rather than reused.</summary>
    public void Return(SqlSession session, bool healthy)
    {
        if (healthy && !_disposed)
        {
            if (Interlocked.Increment(ref _idleCount) <= maxIdle)
            {
                _idle.Enqueue(session);
                if (_disposed) Drain();
                return;
            }
            Interlocked.Decrement(ref _idleCount);
        }
        session.Dispose();
    }

    public void Dispose()
    {
        _disposed = true;
        Drain();
    }

    private void Drain()
    {
        while (_idle.TryDequeue(out var session))
        {
            Interlocked.Decrement(ref _idleCount);
            session.Dispose();
        }
    }
}
