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
        builder.Services.AddSingleton<OwnHistograms>();

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
        if (!app.Services.GetRequiredService<TelemetryOptions>().Metrics) return app;
        var histograms = app.Services.GetRequiredService<OwnHistograms>();
        var telemetry = app.Services.GetRequiredService<RegistryTelemetry>();
        histograms.Add(RegistryTelemetry.ValidationDurationName, RegistryTelemetry.ValidationDurationHelp, [],
            () => [([], telemetry.ValidationDuration)]);
        app.MapPrometheusScrapingEndpoint("/metrics", meterProvider: null,
            configureBranchedPipeline: branch => branch.Use((context, next) => AppendOwnHistogramsAsync(context, next, histograms)), optionsName: null);
        return app;
    }

    /// <summary>
    /// Lets the exporter write its answer into a buffer, then adds the histograms kept outside the SDK before the
    /// OpenMetrics end marker (when the scraper asked for OpenMetrics) and sends the whole.
    /// </summary>
    private static async Task AppendOwnHistogramsAsync(HttpContext context, RequestDelegate next, OwnHistograms histograms)
    {
        var response = context.Response;
        var original = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            await next(context);
            await response.BodyWriter.FlushAsync(context.RequestAborted);
        }
        finally
        {
            response.Body = original;
        }
        if (response.StatusCode != StatusCodes.Status200OK)
        {
            buffer.Position = 0;
            await buffer.CopyToAsync(original, context.RequestAborted);
            return;
        }
        const string EndMarker = "# EOF\n";
        var exported = System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        var ended = exported.EndsWith(EndMarker, StringComparison.Ordinal);
        var text = new System.Text.StringBuilder(exported.Length * 2);
        text.Append(exported, 0, ended ? exported.Length - EndMarker.Length : exported.Length);
        histograms.WriteTo(text, openMetrics: response.ContentType?.StartsWith("application/openmetrics-text", StringComparison.Ordinal) == true);
        if (ended) text.Append(EndMarker);
        var bytes = System.Text.Encoding.UTF8.GetBytes(text.ToString());
        response.ContentLength = bytes.Length;
        await original.WriteAsync(bytes, context.RequestAborted);
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
