using System.Diagnostics.Metrics;
using SchemaRegistry.Core.Observability;
using SchemaRegistry.Storage.Sqlite;

namespace SchemaRegistry.Server.Observability;

/// <summary>
/// The embedded store's group-commit counters as metrics, read at scrape time: how many transactions (fsyncs) carried
/// how many writes, and how many waited; and its subject read cache's hits and misses (<c>cache="subject"</c>).
/// </summary>
internal static class StoreMetrics
{
    public static void Register(RegistryTelemetry telemetry, SqliteSchemaStore store)
    {
        var meter = telemetry.Meter;
        meter.CreateObservableCounter("schema_registry_store_commits_total", () => store.WriteStatistics.Commits,
            description: "Store transactions committed (one fsync each).");
        meter.CreateObservableCounter("schema_registry_store_failed_commits_total", () => store.WriteStatistics.FailedCommits,
            description: "Store transactions that could not be committed.");
        meter.CreateObservableCounter("schema_registry_store_writes_total", () => new Measurement<long>[]
        {
            new(store.WriteStatistics.CommandsApplied, new KeyValuePair<string, object?>("result", "applied")),
            new(store.WriteStatistics.CommandsRefused, new KeyValuePair<string, object?>("result", "refused")),
            new(store.WriteStatistics.CommandsFailed, new KeyValuePair<string, object?>("result", "failed")),
        }, description: "Store write commands by outcome (several share one commit).");
        telemetry.AddCache("subject", () => store.SubjectCacheStatistics.Hits, () => store.SubjectCacheStatistics.Misses);
        meter.CreateObservableGauge("schema_registry_store_queue_length", () => store.WriteStatistics.QueueLength,
            description: "Writes waiting for the store's writer.");
    }
}
