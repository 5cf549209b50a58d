using System.Diagnostics;
using System.Diagnostics.Metrics;
using SchemaRegistry.Core.Caching;
using SchemaRegistry.Core.Lifecycle;
using SchemaRegistry.Core.Storage;

namespace SchemaRegistry.Core.Observability;

/// <summary>
/// The registry's own metrics and spans, on the platform's <see cref="Meter"/> and <see cref="ActivitySource"/>: the
/// domain records them without knowing who listens (the server exports them as Prometheus text and OTLP). Names are
/// the original design's, exactly. Recording costs a few nanoseconds and nothing when no one listens.
/// </summary>
public sealed class RegistryTelemetry : IDisposable
{
    /// <summary>The meter name to export.</summary>
    public const string MeterName = "SchemaRegistry";

    /// <summary>The activity source name to export.</summary>
    public const string ActivitySourceName = "SchemaRegistry";

    /// <summary>Spans: register, compatibility check, validate (the store adds its commit).</summary>
    public static ActivitySource Activities { get; } = new(ActivitySourceName);

    private readonly Meter _meter;
    private readonly Counter<long> _registrations;
    private readonly Counter<long> _compatibilityChecks;
    private readonly StripedCounter _validDocuments = new();
    private readonly StripedCounter _invalidDocuments = new();
    private readonly ObservableCounter<long> _validations;
    private static readonly string[] StorageOperations = ["open", "request", "count"];
    private readonly long[] _storageErrors = new long[StorageOperations.Length];

    /// <summary>Creates the instruments on a meter from <paramref name="meters"/>.</summary>
    public RegistryTelemetry(IMeterFactory meters, SchemaCache cache, ISchemaStore store)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(store);
        _meter = meters.Create(MeterName);
        _registrations = _meter.CreateCounter<long>("schema_registry_schema_registrations_total", description: "Schema versions registered (result: created, existing).");
        _compatibilityChecks = _meter.CreateCounter<long>("schema_registry_compatibility_checks_total", description: "Compatibility checks, on registration and on request (result: compatible, incompatible).");
        // Counted in striped cells and read at scrape time, and the duration in a striped histogram the server writes
        // into /metrics itself: per document, recording costs an uncontended increment and two uncontended adds
        // (through the SDK, the histogram record took a lock every core shares).
        _validations = _meter.CreateObservableCounter("schema_registry_validations_total", () => (IEnumerable<Measurement<long>>)
            [new(_validDocuments.Value, new KeyValuePair<string, object?>("result", "valid")), new(_invalidDocuments.Value, new KeyValuePair<string, object?>("result", "invalid"))],
            description: "Documents validated (result: valid, invalid).");
        // Observable, so the series exists at 0 from the first scrape and alerts on its rate work before any error.
        _meter.CreateObservableCounter("schema_registry_storage_errors_total", StorageErrorMeasurements, description: "Store operations that failed.");
        // The cache counts its own hits and misses; the meter reads them at scrape time (nothing on the hot path).
        AddCache("schema", () => cache.Hits, () => cache.Misses);
        _meter.CreateObservableCounter("schema_registry_cache_hits_total", () => CacheMeasurements(static c => c.Hits),
            description: "Lookups served from a cache (cache: schema for parsed schemas and validators, subject for the store's subject reads).");
        _meter.CreateObservableCounter("schema_registry_cache_misses_total", () => CacheMeasurements(static c => c.Misses),
            description: "Lookups a cache could not serve (a parse and compile, or a read of the store).");
        _meter.CreateObservableGauge("schema_registry_schemas_total", () => CountSchemas(store),
            description: "Live schema versions by format and state.");
        _meter.CreateObservableGauge("schema_registry_cache_entries", () => new Measurement<long>(cache.Count, new KeyValuePair<string, object?>("cache", "schema")),
            description: "Parsed schemas held by the cache.");
    }

    private sealed record CacheCounters(KeyValuePair<string, object?> Tag, Func<long> Hits, Func<long> Misses);

    private readonly List<CacheCounters> _caches = [];

    /// <summary>
    /// Adds a cache to <c>schema_registry_cache_hits_total</c> and <c>schema_registry_cache_misses_total</c>, under the
    /// label <c>cache</c>=<paramref name="name"/>; both counters are read at scrape time.
    /// </summary>
    public void AddCache(string name, Func<long> hits, Func<long> misses)
    {
        lock (_caches) _caches.Add(new CacheCounters(new KeyValuePair<string, object?>("cache", name), hits, misses));
    }

    private Measurement<long>[] CacheMeasurements(Func<CacheCounters, Func<long>> counter)
    {
        lock (_caches) return [.. _caches.Select(c => new Measurement<long>(counter(c)(), c.Tag))];
    }

    // Counting scans the live versions, so a scrape reuses a count younger than this.
    private static readonly TimeSpan CountLifetime = TimeSpan.FromSeconds(30);
    private Measurement<long>[] _schemaCounts = [];
    private long _schemaCountsAt;

    // Read at scrape time, at most every CountLifetime. The store's reads complete synchronously.
    private Measurement<long>[] CountSchemas(ISchemaStore store)
    {
        if (!store.IsReady) return [];
        var countedAt = Volatile.Read(ref _schemaCountsAt);
        if (countedAt != 0 && Stopwatch.GetElapsedTime(countedAt) < CountLifetime) return _schemaCounts;
        try
        {
            var pending = store.CountVersionsAsync(CancellationToken.None);
            var counts = pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
            _schemaCounts = [.. counts.Select(c => new Measurement<long>(c.Count,
                new KeyValuePair<string, object?>("format", c.SchemaType), new KeyValuePair<string, object?>("state", c.State.ToWire())))];
            Volatile.Write(ref _schemaCountsAt, Stopwatch.GetTimestamp());
        }
        catch (Errors.RegistryException)
        {
            StorageError("count");
        }
        return _schemaCounts;
    }

    /// <summary>The meter, for instruments other layers add (the server's HTTP metrics, the store's counters).</summary>
    public Meter Meter => _meter;

    /// <summary>Records a registration.</summary>
    public void Registered(string schemaType, bool created) =>
        _registrations.Add(1, new KeyValuePair<string, object?>("format", schemaType), new KeyValuePair<string, object?>("result", created ? "created" : "existing"));

    /// <summary>Records a compatibility check.</summary>
    public void CompatibilityChecked(bool compatible) =>
        _compatibilityChecks.Add(1, new KeyValuePair<string, object?>("result", compatible ? "compatible" : "incompatible"));

    /// <summary>The name of the validation duration histogram, written into <c>/metrics</c> by the server.</summary>
    public const string ValidationDurationName = "schema_registry_validation_duration_seconds";

    /// <summary>Its description.</summary>
    public const string ValidationDurationHelp = "Time to decide one document from its bytes (parsing included when the document needs one).";

    /// <summary>
    /// Time to decide one document, in seconds (<see cref="ValidationDurationName"/>). Kept outside the metrics SDK,
    /// which has no observable histogram; the server exports it beside the SDK's instruments.
    /// </summary>
    public StripedHistogram ValidationDuration { get; } = new([0.000001, 0.0000025, 0.000005, 0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.01, 0.1]);

    /// <summary>Records one validated document and how long it took, in <see cref="Stopwatch"/> ticks.</summary>
    public void Validated(bool valid, long elapsedTicks)
    {
        Counted(valid);
        ValidationDuration.Record(elapsedTicks);
    }

    /// <summary>Counts one validated document (when the duration is not measured).</summary>
    public void Counted(bool valid) => (valid ? _validDocuments : _invalidDocuments).Increment();

    /// <summary>True when someone listens to the validation metrics (so callers can skip the clock otherwise).</summary>
    public bool ValidationMetricsEnabled => _validations.Enabled;

    /// <summary>Records a failed store operation: <c>open</c>, <c>request</c> or <c>count</c>.</summary>
    public void StorageError(string operation)
    {
        var index = Array.IndexOf(StorageOperations, operation);
        Interlocked.Increment(ref _storageErrors[index < 0 ? 1 : index]);
    }

    private Measurement<long>[] StorageErrorMeasurements()
    {
        var measurements = new Measurement<long>[StorageOperations.Length];
        for (var i = 0; i < measurements.Length; i++)
            measurements[i] = new Measurement<long>(Interlocked.Read(ref _storageErrors[i]), new KeyValuePair<string, object?>("operation", StorageOperations[i]));
        return measurements;
    }

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();
}
