using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using SchemaRegistry.Core.Observability;
using SchemaRegistry.Storage.Sqlite;

namespace SchemaRegistry.Server.Observability;

/// <summary>
/// Wires OpenTelemetry: the registry's meter exported as Prometheus text at <c>/metrics</c>; traces (ASP.NET Core plus
/// the registry's own spans: register, compatibility check, validate, store commit) exported over OTLP only when an
/// endpoint is configured; structured JSON logs with trace and span ids.
/// </summary>
internal static class TelemetrySetup
{
    public static WebApplicationBuilder AddRegistryTelemetry(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Registry:Telemetry").Get<TelemetryOptions>() ?? new TelemetryOptions();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<RegistryTelemetry>();

        ConfigureLogging(builder, options);

        var otlp = options.OtlpEndpoint ?? builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (!options.Metrics && string.IsNullOrWhiteSpace(otlp)) return builder;

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("llm-schema-registry"));
        if (options.Metrics)
        {
            telemetry.WithMetrics(metrics => metrics
                .AddMeter(RegistryTelemetry.MeterName)
                .AddPrometheusExporter());
        }
        if (!string.IsNullOrWhiteSpace(otlp))
        {
            telemetry.WithTracing(tracing => tracing
                .AddSource(RegistryTelemetry.ActivitySourceName, SqliteSchemaStore.ActivitySourceName)
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/health") && !context.Request.Path.StartsWithSegments("/metrics"))
                .AddOtlpExporter(o => o.Endpoint = new Uri(otlp)));
        }
        return builder;
    }

    public static WebApplication MapRegistryMetrics(this WebApplication app)
    {
        if (app.Services.GetRequiredService<TelemetryOptions>().Metrics)
            app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }

    private static void ConfigureLogging(WebApplicationBuilder builder, TelemetryOptions options)
    {
        builder.Logging.ClearProviders();
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        if (string.Equals(options.LogFormat, "simple", StringComparison.OrdinalIgnoreCase))
        {
            builder.Logging.AddSimpleConsole(o => o.IncludeScopes = true);
            return;
        }
        builder.Logging.AddJsonConsole(o =>
        {
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
    }
}
