using SchemaRegistry.Core.Storage;

namespace SchemaRegistry.Server.Hosting;

/// <summary>
/// Opens the store (applying migrations) before the server takes requests; readiness reports
/// <see cref="ISchemaStore.IsReady"/>. Hosted services start before Kestrel listens, so a request never meets a
/// closed store.
/// </summary>
internal sealed class StoreStartup(ISchemaStore store, ILogger<StoreStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.OpenAsync(cancellationToken);
        logger.LogInformation("Store open and migrated");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
