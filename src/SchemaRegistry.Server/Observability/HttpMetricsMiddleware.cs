using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using SchemaRegistry.Core.Observability;

namespace SchemaRegistry.Server.Observability;

/// <summary>
/// <c>schema_registry_requests_total</c> and <c>schema_registry_request_duration_seconds</c> by route (the matched
/// route pattern, so cardinality stays bounded), method and status. The count is kept here, per (endpoint, method,
/// status), in striped cells the meter reads at scrape time; only the duration goes through the metrics SDK on each
/// request. Tag values are interned strings, so nothing is allocated.
/// </summary>
internal sealed class HttpMetricsMiddleware
{
    private readonly RequestDelegate _next;
    private readonly Histogram<double> _duration;
    private readonly ConcurrentDictionary<RequestKey, StripedCounter> _counts = new();
    private readonly TelemetryOptions _options;

    public HttpMetricsMiddleware(RequestDelegate next, RegistryTelemetry telemetry, TelemetryOptions options)
    {
        _next = next;
        _options = options;
        telemetry.Meter.CreateObservableCounter("schema_registry_requests_total", ReadCounts, description: "HTTP requests by route, method and status.");
        _duration = telemetry.Meter.CreateHistogram<double>("schema_registry_request_duration_seconds", unit: "s",
            description: "HTTP request duration by route, method and status.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] });
    }

    public async Task InvokeAsync(HttpContext context)
    {
        if (!_options.Metrics)
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
            var endpoint = context.GetEndpoint() as RouteEndpoint;
            var method = context.Request.Method;
            var status = context.Response.StatusCode;
            var key = new RequestKey(endpoint, method, status);
            if (!_counts.TryGetValue(key, out var count)) count = _counts.GetOrAdd(key, static _ => new StripedCounter());
            count.Increment();
            if (_duration.Enabled)
            {
                var tags = new TagList
                {
                    { "route", RouteOf(endpoint) },
                    { "method", method },
                    { "status", StatusText(status) },
                };
                _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
            }
        }
    }

    private IEnumerable<Measurement<long>> ReadCounts()
    {
        foreach (var (key, count) in _counts)
        {
            yield return new Measurement<long>(count.Value,
                new KeyValuePair<string, object?>("route", RouteOf(key.Endpoint)),
                new KeyValuePair<string, object?>("method", key.Method),
                new KeyValuePair<string, object?>("status", StatusText(key.Status)));
        }
    }

    private static string RouteOf(RouteEndpoint? endpoint) => endpoint?.RoutePattern.RawText ?? "unmatched";

    /// <summary>One series of the request count (endpoints compare by reference, as the router hands out one per route).</summary>
    private readonly record struct RequestKey(RouteEndpoint? Endpoint, string Method, int Status);

    // Boxed once per distinct status code instead of once per request.
    private static readonly string[] Statuses = [.. Enumerable.Range(0, 600).Select(code => code.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    private static string StatusText(int status) => (uint)status < Statuses.Length ? Statuses[status] : status.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
