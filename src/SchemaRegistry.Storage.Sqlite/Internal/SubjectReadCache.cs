using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using SchemaRegistry.Core.Storage;

namespace SchemaRegistry.Storage.Sqlite.Internal;

/// <summary>
/// What a registration reads about its subject on every call (its version rows, its configuration and mode, and the
/// global ones), kept between writes. The writer thread is the only one that changes the file, and it brackets every
/// COMMIT with <see cref="BeginCommit"/> and <see cref="EndCommit"/>:
/// <list type="bullet">
/// <item>Before the COMMIT, the entries its commands may change are taken out and nothing new is kept until the COMMIT
/// is over, so no reader finds an entry older than what another read of the file already shows.</item>
/// <item>After it, and before any caller of the batch is answered, a subject's version list that a registration
/// extended is put back with the new row (read from the writer's own connection, so it is the row as stored); any
/// other changed entry is left out, to be read again.</item>
/// <item>A read that raced a commit must not put its (possibly older) rows back afterwards: a reader takes
/// <see cref="Epoch"/> before it reads the file, and its rows are kept only if no COMMIT began since.</item>
/// </list>
/// Bounded by the number of cached version rows and by the characters of schema text they hold (texts are usually
/// shared with <see cref="SchemaRowCache"/>, but a list keeps its own alive); when full, it drops a quarter of its
/// subjects (whichever the table lists first) rather than all of them, so a full cache does not miss everything at once.
/// </summary>
internal sealed class SubjectReadCache(int maxVersions, SchemaRowCache schemaRows, long maxChars = 64L << 20)
{
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<string, IReadOnlyList<StoredVersion>> _versions = new(StringComparer.Ordinal);
    private readonly Settings<SubjectConfig> _configs = new();
    private readonly Settings<RegistryMode?> _modes = new();
    // Taken out by BeginCommit, for EndCommit to extend (writer thread only).
    private readonly Dictionary<string, IReadOnlyList<StoredVersion>> _takenOut = new(StringComparer.Ordinal);
    private long _hits, _misses;
    private long _epoch;
    private bool _committing;
    private int _cachedVersions;
    private long _cachedChars;

    /// <summary>A stored setting, or its absence (both are worth remembering).</summary>
    private sealed record Setting<T>(T? Value);

    /// <summary>
    /// Configurations or modes by subject, with the global one apart (the store takes any string as a subject name,
    /// the empty one too). Changed only under the cache's lock.
    /// </summary>
    private sealed class Settings<T>
    {
        private readonly ConcurrentDictionary<string, Setting<T>> _bySubject = new(StringComparer.Ordinal);
        private Setting<T>? _global;
        private int _count; // kept here: ConcurrentDictionary.Count takes every lock of the table

        public bool TryGet(string? subject, out T? value)
        {
            var setting = subject is null ? Volatile.Read(ref _global) : _bySubject.GetValueOrDefault(subject);
            value = setting is null ? default : setting.Value;
            return setting is not null;
        }

        /// <summary>Keeps a setting; a flood of distinct subjects beyond <paramref name="bound"/> starts the table over.</summary>
        public void Set(string? subject, T? value, int bound)
        {
            if (subject is null)
            {
                Volatile.Write(ref _global, new Setting<T>(value));
                return;
            }
            if (_count >= bound) Clear();
            if (_bySubject.TryAdd(subject, new Setting<T>(value))) _count++;
        }

        public void Remove(string? subject)
        {
            if (subject is null) Volatile.Write(ref _global, null);
            else if (_bySubject.TryRemove(subject, out _)) _count--;
        }

        public void Clear()
        {
            _bySubject.Clear();
            _count = 0;
            Volatile.Write(ref _global, null);
        }
    }

    /// <summary>False when caching is off (a capacity of 0).</summary>
    public bool Enabled => maxVersions > 0;

    /// <summary>Changes with every COMMIT; taken by a reader before it reads the file.</summary>
    public long Epoch => Volatile.Read(ref _epoch);

    /// <summary>Lookups answered from memory.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>Lookups that read the file.</summary>
    public long Misses => Interlocked.Read(ref _misses);

    public bool TryGetVersions(string subject, [NotNullWhen(true)] out IReadOnlyList<StoredVersion>? all) => Counted(_versions.TryGetValue(subject, out all));

    private bool Counted(bool found)
    {
        if (Enabled) Interlocked.Increment(ref found ? ref _hits : ref _misses);
        return found;
    }

    /// <summary>Keeps every version row of <paramref name="subject"/> (soft-deleted included), read after <paramref name="epoch"/>.</summary>
    public void AddVersions(string subject, IReadOnlyList<StoredVersion> all, long epoch)
    {
        if (!Enabled) return;
        lock (_gate)
        {
            if (_epoch != epoch || _committing) return;
            Keep(subject, all);
        }
    }

    public bool TryGetConfig(string? subject, out SubjectConfig? config) => Counted(_configs.TryGet(subject, out config));

    public void AddConfig(string? subject, SubjectConfig? config, long epoch) => Add(_configs, subject, config, epoch);

    public bool TryGetMode(string? subject, out RegistryMode? mode) => Counted(_modes.TryGet(subject, out mode));

    public void AddMode(string? subject, RegistryMode? mode, long epoch) => Add(_modes, subject, mode, epoch);

    private void Add<T>(Settings<T> settings, string? subject, T? value, long epoch)
    {
        if (!Enabled) return;
        lock (_gate)
        {
            if (_epoch != epoch || _committing) return;
            // Settings are small; the bound only guards against a flood of distinct subjects.
            settings.Set(subject, value, maxVersions);
        }
    }

    /// <summary>
    /// Before a COMMIT: takes out what the batch's commands may change (a subject's versions for a write to its
    /// versions; a configuration or mode for a write to it, a permanent subject delete removing both; everything for a
    /// command this cache does not know) and keeps anything new out until <see cref="EndCommit"/>.
    /// </summary>
    public void BeginCommit(List<PendingWrite> batch)
    {
        lock (_gate)
        {
            _epoch++;
            _committing = true;
            foreach (var write in batch)
            {
                if (SubjectOf(write.Command) is { } subject) TakeOut(subject);
                switch (write.Command)
                {
                    case RegisterVersionCommand or DeleteVersionCommand or ChangeStateCommand: break;
                    case DeleteSubjectCommand c:
                        _configs.Remove(c.Subject);
                        _modes.Remove(c.Subject);
                        break;
                    case SetConfigCommand c: _configs.Remove(c.Subject); break;
                    case DeleteConfigCommand c: _configs.Remove(c.Subject); break;
                    case SetModeCommand c: _modes.Remove(c.Subject); break;
                    case DeleteModeCommand c: _modes.Remove(c.Subject); break;
                    default: Clear(); break;
                }
            }
        }
    }

    /// <summary>
    /// After the COMMIT (<paramref name="committed"/>), or after it failed: puts back the version lists that the
    /// batch's registrations only extended, each with its new row as <paramref name="session"/> (the writer's
    /// connection) reads it, then lets readers keep entries again.
    /// </summary>
    public void EndCommit(List<PendingWrite> batch, SqlSession session, bool committed)
    {
        try
        {
            if (committed && _takenOut.Count > 0) ExtendTakenOut(batch, session);
        }
        finally
        {
            lock (_gate)
            {
                if (committed)
                {
                    foreach (var (subject, all) in _takenOut) Keep(subject, all);
                }
                _takenOut.Clear();
                _epoch++;
                _committing = false;
            }
        }
    }

    private void ExtendTakenOut(List<PendingWrite> batch, SqlSession session)
    {
        foreach (var write in batch)
        {
            if (write.IsRefused) continue; // rolled back to its savepoint: changed nothing
            var subject = SubjectOf(write.Command);
            if (subject is null || !_takenOut.TryGetValue(subject, out var all)) continue;
            var extended = write.Command is RegisterVersionCommand register && write.Result is RegisteredVersion registered
                ? Extend(all, register, registered, session)
                : null;
            if (extended is null) _takenOut.Remove(subject);
            else _takenOut[subject] = extended;
        }
    }

    /// <summary>
    /// The list after a registration appended <paramref name="registered"/>, or null when the write may have done more
    /// (removed a soft-deleted copy, imported a version below the top).
    /// </summary>
    private System.Collections.ObjectModel.ReadOnlyCollection<StoredVersion>? Extend(IReadOnlyList<StoredVersion> all, RegisterVersionCommand command, RegisteredVersion registered, SqlSession session)
    {
        if (all.Count > 0 && all[^1].Version >= registered.Version) return null;
        if (command.ReplaceSoftDeletedCopies)
        {
            foreach (var version in all)
            {
                if (version.Deleted && version.Schema.Id == registered.SchemaId) return null;
            }
        }
        StoredVersion row;
        try
        {
            using var reader = session.Command(Sql.VersionByKey).Bind("$subject", command.Subject).Bind("$version", registered.Version).ExecuteReader();
            if (!reader.Read()) return null;
            row = schemaRows.TryGet(registered.SchemaId, out var schema) ? RowMapper.VersionAround(reader, schema) : RowMapper.Version(reader, null);
        }
#pragma warning disable CA1031 // The batch is committed: whatever goes wrong here, its callers must still hear so.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null; // the list is read again by the next caller
        }
        var extended = new List<StoredVersion>(all.Count + 1);
        extended.AddRange(all);
        extended.Add(row);
        return extended.AsReadOnly();
    }

    /// <summary>The subject whose version rows a command writes, or null for a command that writes none.</summary>
    private static string? SubjectOf(object command) => command switch
    {
        RegisterVersionCommand c => c.Subject,
        DeleteVersionCommand c => c.Subject,
        ChangeStateCommand c => c.Subject,
        DeleteSubjectCommand c => c.Subject,
        _ => null,
    };

    private void Keep(string subject, IReadOnlyList<StoredVersion> all)
    {
        var rows = Rows(all);
        var chars = Chars(all);
        if (rows > maxVersions || chars > maxChars) return;
        if (_cachedVersions + rows > maxVersions || _cachedChars + chars > maxChars) Evict(maxVersions - maxVersions / 4, maxChars - maxChars / 4);
        if (!_versions.TryAdd(subject, all)) return;
        _cachedVersions += rows;
        _cachedChars += chars;
    }

    /// <summary>What a history counts against the row bound: an empty one (a subject asked for that has none) as one.</summary>
    private static int Rows(IReadOnlyList<StoredVersion> all) => Math.Max(1, all.Count);

    /// <summary>Drops subjects until at most <paramref name="versions"/> rows and <paramref name="chars"/> characters remain.</summary>
    private void Evict(int versions, long chars)
    {
        foreach (var (subject, _) in _versions)
        {
            if (_cachedVersions <= versions && _cachedChars <= chars) break;
            if (!_versions.TryRemove(subject, out var all)) continue;
            _cachedVersions -= Rows(all);
            _cachedChars -= Chars(all);
        }
    }

    private void TakeOut(string subject)
    {
        if (!_versions.TryRemove(subject, out var all)) return;
        _cachedVersions -= Rows(all);
        _cachedChars -= Chars(all);
        _takenOut.TryAdd(subject, all);
    }

    private static long Chars(IReadOnlyList<StoredVersion> all)
    {
        long chars = 0;
        foreach (var version in all) chars += version.Schema.Text.Length;
        return chars;
    }

    private void Clear()
    {
        _versions.Clear();
        _configs.Clear();
        _modes.Clear();
        _takenOut.Clear();
        _cachedVersions = 0;
        _cachedChars = 0;
    }
}
