using SchemaRegistry.Core.Observability;
using SchemaRegistry.Core.Storage;

namespace SchemaRegistry.Server.Hosting;

/// <summary>
/// Opens the store (applying migrations) before the server takes requests; readiness reports
/// <see cref="ISchemaStore.IsReady"/>. Hosted services start before Kestrel listens, so a request never meets a
/// closed store.
/// </summary>
internal sealed class StoreStartup(ISchemaStore store, RegistryTelemetry telemetry, ILogger<StoreStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await store.OpenAsync(cancellationToken);
        }
        catch (Core.Errors.RegistryException)
        {
            telemetry.StorageError("open");
            throw;
        }
        if (store is Storage.Sqlite.SqliteSchemaStore sqlite) Observability.StoreMetrics.Register(telemetry, sqlite);
        logger.LogInformation("Store open and migrated");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
