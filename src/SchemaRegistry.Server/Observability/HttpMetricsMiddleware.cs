using System.Diagnostics;
using System.Diagnostics.Metrics;
using SchemaRegistry.Core.Observability;

namespace SchemaRegistry.Server.Observability;

/// <summary>
/// <c>schema_registry_requests_total</c> and <c>schema_registry_request_duration_seconds</c> by route (the matched
/// route pattern, so cardinality stays bounded), method and status. Two clock reads and two instrument calls per
/// request; tag values are interned strings, so nothing is allocated.
/// </summary>
internal sealed class HttpMetricsMiddleware
{
    private readonly RequestDelegate _next;
    private readonly Counter<long> _requests;
    private readonly Histogram<double> _duration;

    public HttpMetricsMiddleware(RequestDelegate next, RegistryTelemetry telemetry)
    {
        _next = next;
        _requests = telemetry.Meter.CreateCounter<long>("schema_registry_requests_total", description: "HTTP requests by route, method and status.");
        _duration = telemetry.Meter.CreateHistogram<double>("schema_registry_request_duration_seconds", unit: "s",
            description: "HTTP request duration by route, method and status.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] });
    }

    public async Task InvokeAsync(HttpContext context)
    {
        if (!_requests.Enabled && !_duration.Enabled)
        {
            await _next(context);
            return;
        }
        var started = Stopwatch.GetTimestamp();
        try
        {
            await _next(context);
        }
        finally
        {
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "unmatched";
            var tags = new TagList
            {
                { "route", route },
                { "method", context.Request.Method },
                { "status", StatusText(context.Response.StatusCode) },
            };
            _requests.Add(1, tags);
            _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        }
    }

    // Boxed once per distinct status code instead of once per request.
    private static readonly string[] Statuses = [.. Enumerable.Range(0, 600).Select(code => code.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    private static string StatusText(int status) => (uint)status < Statuses.Length ? Statuses[status] : status.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
