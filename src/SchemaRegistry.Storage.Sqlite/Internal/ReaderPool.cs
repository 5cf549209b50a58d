namespace SchemaRegistry.Storage.Sqlite.Internal;

/// <summary>
/// Read-only sessions for the read methods. WAL lets any number of them read a committed snapshot beside the writer;
/// idle ones are kept (with their prepared statements) up to a limit, extra ones are closed on return.
/// </summary>
/// <remarks>
/// The idle sessions are a stack: the one returned last is rented first. Each session has its own page cache and its
/// own map of the file, so reusing the few that are warm keeps both warm; a queue cycled through every idle session,
/// and on a write-heavy load each of them re-faulted the pages of a file that grows with every commit (measured:
/// registrations ~10 % slower, the difference being page faults and TLB shootdowns in the kernel).
/// </remarks>
internal sealed class ReaderPool(string path, TimeSpan busyTimeout, int maxIdle, long memoryMapBytes) : IDisposable
{
    private readonly Stack<SqlSession> _idle = new();
    private bool _disposed;

    public SqlSession Rent()
    {
        lock (_idle)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_idle.TryPop(out var session)) return session;
        }
        var opened = SqlSession.Open(path, readOnly: true, busyTimeout);
        if (memoryMapBytes > 0) opened.Execute($"PRAGMA mmap_size = {memoryMapBytes}");
        return opened;
    }

    /// <summary>Takes a session back; an unhealthy one (it failed mid-query) is closed rather than reused.</summary>
    public void Return(SqlSession session, bool healthy)
    {
        if (healthy)
        {
            lock (_idle)
            {
                if (!_disposed && _idle.Count < maxIdle)
                {
                    _idle.Push(session);
                    return;
                }
            }
        }
        session.Dispose();
    }

    public void Dispose()
    {
        SqlSession[] idle;
        lock (_idle)
        {
            _disposed = true;
            idle = [.. _idle];
            _idle.Clear();
        }
        foreach (var session in idle) session.Dispose();
    }
}
