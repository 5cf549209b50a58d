namespace SchemaRegistry.Server.Hosting;

/// <summary>Server settings, bound from the <c>Registry</c> section (env: <c>REGISTRY__SECTION__KEY</c>).</summary>
public sealed class ServerOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Registry";

    /// <summary>Storage settings.</summary>
    public StorageOptions Storage { get; set; } = new();

    /// <summary>Request limits.</summary>
    public LimitOptions Limits { get; set; } = new();

    /// <summary>JSON Schema plug-in settings.</summary>
    public JsonSchemaSettings JsonSchema { get; set; } = new();

    /// <summary>How requests are scheduled.</summary>
    public HttpSettings Http { get; set; } = new();

    /// <summary>Accept anonymous requests on non-loopback addresses (<c>--allow-anonymous</c>).</summary>
    public bool AllowAnonymous { get; set; }
}

/// <summary>How requests are scheduled (section <c>Registry:Http</c>).</summary>
public sealed class HttpSettings
{
    /// <summary>
    /// Run validations and lookups on the socket event threads instead of handing each request to the thread pool
    /// (off by default). Faster for a node that mostly validates; slower for requests that read the store. See
    /// <c>Http/EventThreads.cs</c> and docs/operations.md for the measured trade-off.
    /// </summary>
    public bool InlineCompletions { get; set; }
}

/// <summary>Where the embedded store lives.</summary>
public sealed class StorageOptions
{
    /// <summary>The data directory (<c>--data-dir</c>); created if missing.</summary>
    public string DataDirectory { get; set; } = "./data";

    /// <summary>
    /// Bytes of the database file that read connections map into memory (0: none). See
    /// <c>SqliteStoreOptions.ReaderMemoryMapBytes</c> for the trade-off.
    /// </summary>
    public long ReaderMemoryMapBytes { get; set; } = 1L << 30;

    /// <summary>
    /// Version rows kept in memory between writes, as whole subjects (0: none). See
    /// <c>SqliteStoreOptions.SubjectCacheVersions</c>.
    /// </summary>
    public int SubjectCacheVersions { get; set; } = 100_000;
}

/// <summary>What a request may cost.</summary>
public sealed class LimitOptions
{
    /// <summary>The largest request body accepted, in bytes (413 above it). Batches are the largest bodies.</summary>
    public long MaxRequestBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>The deepest JSON nesting accepted in a request body (400 above it).</summary>
    public int MaxJsonDepth { get; set; } = 128;

    /// <summary>The most documents in one validation batch (413 above it).</summary>
    public int MaxBatchDocuments { get; set; } = 100_000;
}

/// <summary>How the JSON Schema plug-in validates (section <c>Registry:JsonSchema</c>).</summary>
public sealed class JsonSchemaSettings
{
    /// <summary>Assert <c>format</c> (true, as ajv-formats and most validators do) or treat it as an annotation.</summary>
    public bool AssertFormat { get; set; } = true;

    /// <summary>How long one <c>pattern</c> match may run before the value is refused, in milliseconds.</summary>
    public int PatternTimeoutMilliseconds { get; set; } = 100;
}
