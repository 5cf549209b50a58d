namespace SchemaRegistry.Storage.Sqlite;

/// <summary>Where and how <see cref="SqliteSchemaStore"/> keeps its file.</summary>
/// <remarks>
/// Give either <see cref="DataDirectory"/> (the file is <c>registry.db</c> inside it, the directory is created if
/// missing) or <see cref="FilePath"/>, not both. One registry process owns a store file at a time.
/// </remarks>
public sealed record SqliteStoreOptions
{
    /// <summary>The name of the database file inside <see cref="DataDirectory"/>.</summary>
    public const string DefaultFileName = "registry.db";

    /// <summary>A directory for the store; the file is <c>registry.db</c> inside it. Created if missing.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>An explicit database file path (its directory is created if missing).</summary>
    public string? FilePath { get; init; }

    /// <summary>How long a connection waits for a lock held by another connection before failing.</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The most writes applied in one transaction (one commit, one fsync).</summary>
    public int MaxBatchSize { get; init; } = 256;

    /// <summary>How many writes may wait for the writer before <c>ExecuteAsync</c> itself waits (back-pressure).</summary>
    public int MaxQueuedWrites { get; init; } = 8192;

    /// <summary>How many idle read connections are kept open for reuse.</summary>
    public int MaxIdleReaders { get; init; } = Math.Max(32, Environment.ProcessorCount * 8);

    /// <summary>
    /// How much of the database file read connections map into memory (SQLite <c>mmap_size</c>), in bytes; 0 reads
    /// through <c>pread</c> only. Mapped reads skip a system call and a copy per page, which is most of what a
    /// lookup in a large store costs beyond a small one. Writes never go through the map. SQLite's caveat applies:
    /// an I/O error on a mapped page (a failing disk, the file truncated by another program) ends the process
    /// instead of failing one query; set 0 on storage where that is a concern.
    /// </summary>
    public long ReaderMemoryMapBytes { get; init; } = 1L << 30;

    /// <summary>
    /// How many version rows the store keeps in memory between writes, as whole subjects (a registration reads its
    /// subject's versions, configuration and mode on every call); 0 turns the cache off. The writer forgets a
    /// subject's entries in the same step that commits a change to it, so this assumes what the store already does:
    /// one registry process writes the file.
    /// </summary>
    public int SubjectCacheVersions { get; init; } = 100_000;

    /// <summary>The clock for <c>created_at</c> and change-log timestamps.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Options for a store in <paramref name="directory"/>.</summary>
    public static SqliteStoreOptions InDirectory(string directory) => new() { DataDirectory = directory };

    /// <summary>Options for a store in the file <paramref name="path"/>.</summary>
    public static SqliteStoreOptions AtFile(string path) => new() { FilePath = path };

    /// <summary>The database file, as an absolute path; throws when the options are inconsistent.</summary>
    public string ResolveFilePath()
    {
        var hasDirectory = !string.IsNullOrWhiteSpace(DataDirectory);
        var hasFile = !string.IsNullOrWhiteSpace(FilePath);
        if (hasDirectory == hasFile)
        {
            throw new ArgumentException("Set exactly one of SqliteStoreOptions.DataDirectory and SqliteStoreOptions.FilePath.");
        }
        return Path.GetFullPath(hasFile ? FilePath! : Path.Combine(DataDirectory!, DefaultFileName));
    }

    internal void Validate()
    {
        _ = ResolveFilePath();
        if (BusyTimeout < TimeSpan.Zero) throw new ArgumentException("BusyTimeout must not be negative.");
        if (MaxBatchSize < 1) throw new ArgumentException("MaxBatchSize must be at least 1.");
        if (MaxQueuedWrites < 1) throw new ArgumentException("MaxQueuedWrites must be at least 1.");
        if (MaxIdleReaders < 0) throw new ArgumentException("MaxIdleReaders must not be negative.");
        if (ReaderMemoryMapBytes < 0) throw new ArgumentException("ReaderMemoryMapBytes must not be negative.");
        if (SubjectCacheVersions < 0) throw new ArgumentException("SubjectCacheVersions must not be negative.");
        ArgumentNullException.ThrowIfNull(Clock);
    }
}
