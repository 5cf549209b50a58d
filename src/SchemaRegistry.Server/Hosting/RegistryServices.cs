using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using SchemaRegistry.Core.Caching;
using SchemaRegistry.Core.Formats;
using SchemaRegistry.Core.Services;
using SchemaRegistry.Core.Storage;
using SchemaRegistry.Formats.Avro;
using SchemaRegistry.Formats.JsonSchema;
using SchemaRegistry.Formats.Protobuf;
using SchemaRegistry.Server.Endpoints.Health;
using SchemaRegistry.Server.Observability;
using SchemaRegistry.Storage.Sqlite;

namespace SchemaRegistry.Server.Hosting;

/// <summary>Wires the registry: options, store, format plug-ins, services, limits.</summary>
internal static class RegistryServices
{
    /// <summary>Where the registry listens when nothing else is configured (CONTRACT.md).</summary>
    public const string DefaultUrl = "http://localhost:8081";

    public static WebApplicationBuilder AddRegistry(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ServerOptions>().BindConfiguration(ServerOptions.Section);
        services.AddOptions<RegistryOptions>().BindConfiguration(ServerOptions.Section);

        // The format table: one plug-in per schema type (a duplicate is a start-up error).
        services.AddSingleton<ISchemaFormat>(sp =>
        {
            var settings = sp.GetRequiredService<IOptions<ServerOptions>>().Value.JsonSchema;
            return new JsonSchemaFormat(new JsonSchemaFormatOptions
            {
                AssertFormat = settings.AssertFormat,
                PatternMatchTimeout = TimeSpan.FromMilliseconds(Math.Max(1, settings.PatternTimeoutMilliseconds)),
            });
        });
        services.AddSingleton<ISchemaFormat, AvroFormat>();
        services.AddSingleton<ISchemaFormat, ProtobufFormat>();
        services.AddSingleton(sp => new SchemaFormats(sp.GetServices<ISchemaFormat>()));

        services.AddSingleton<ISchemaStore>(sp =>
        {
            var storage = sp.GetRequiredService<IOptions<ServerOptions>>().Value.Storage;
            return new SqliteSchemaStore(new SqliteStoreOptions
            {
                DataDirectory = Path.GetFullPath(storage.DataDirectory),
                ReaderMemoryMapBytes = storage.ReaderMemoryMapBytes,
                SubjectCacheVersions = storage.SubjectCacheVersions,
            });
        });
        services.AddHostedService<StoreStartup>();

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<RegistryOptions>>().Value);
        services.AddSingleton(sp => new SchemaCache(sp.GetRequiredService<RegistryOptions>().SchemaCacheCapacity));
        services.AddSingleton<SubjectLocks>();
        services.AddSingleton<ReferenceResolver>();
        services.AddSingleton<SchemaLoader>();
        services.AddSingleton<ConfigService>();
        services.AddSingleton<SubjectQueries>();
        services.AddSingleton<RegistrationService>();
        services.AddSingleton<DeletionService>();
        services.AddSingleton<CompatibilityService>();
        services.AddSingleton<LifecycleService>();
        services.AddSingleton<ValidationService>();
        services.AddSingleton<SchemaVisibility>();
        services.AddSingleton<Http.SchemaResponseCache>();
        services.AddSingleton<Microsoft.AspNetCore.Connections.IMemoryPoolFactory<byte>, Http.ReceiveBlockPoolFactory>();

        builder.AddRegistryTelemetry();
        services.AddRegistryHealthChecks();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);

        // Confluent's port by default, on loopback; --urls or ASPNETCORE_URLS override it.
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"]) &&
            !builder.Configuration.GetSection("Kestrel:Endpoints").GetChildren().Any())
            builder.WebHost.UseUrls(DefaultUrl);

        // Request limits: the body size applies to every request (Kestrel answers 413 past it).
        var configured = builder.Configuration.GetSection(ServerOptions.Section).Get<ServerOptions>() ?? new ServerOptions();
        var limits = configured.Limits;
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = limits.MaxRequestBytes);
        Http.EventThreads.Configure(builder, configured.Http);
        services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = limits.MaxRequestBytes);
        return builder;
    }
}
