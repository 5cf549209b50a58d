using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using SchemaRegistry.Core.Observability;

namespace SchemaRegistry.Server.Observability;

/// <summary>
/// <c>schema_registry_requests_total</c> and <c>schema_registry_request_duration_seconds</c> by route (the matched
/// route pattern, so cardinality stays bounded), method and status. Each (endpoint, method, status) has one
/// <see cref="StripedHistogram"/>: a request costs one dictionary lookup, a clock pair and two uncontended atomic adds.
/// The request count is the histogram's count, read by an observable counter at scrape time; the histogram itself is
/// written into <c>/metrics</c> by <see cref="OwnHistograms"/>. Tag values are interned strings, so nothing is allocated.
/// </summary>
internal sealed class HttpMetricsMiddleware
{
    /// <summary>The buckets, in seconds.</summary>
    private static readonly double[] Bounds = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

    private readonly RequestDelegate _next;
    private readonly ConcurrentDictionary<RequestKey, StripedHistogram> _series = new();
    private readonly TelemetryOptions _options;

    public HttpMetricsMiddleware(RequestDelegate next, RegistryTelemetry telemetry, TelemetryOptions options, OwnHistograms histograms)
    {
        _next = next;
        _options = options;
        telemetry.Meter.CreateObservableCounter("schema_registry_requests_total", ReadCounts, description: "HTTP requests by route, method and status.");
        histograms.Add("schema_registry_request_duration_seconds", "HTTP request duration by route, method and status.", ["method", "route", "status"],
            () => _series.Select(pair => ((IReadOnlyList<string>)[pair.Key.Method, RouteOf(pair.Key.Endpoint), StatusText(pair.Key.Status)], pair.Value)));
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
            var key = new RequestKey(context.GetEndpoint() as RouteEndpoint, context.Request.Method, context.Response.StatusCode);
            if (!_series.TryGetValue(key, out var histogram)) histogram = _series.GetOrAdd(key, static _ => new StripedHistogram(Bounds));
            histogram.Record(Stopwatch.GetTimestamp() - started);
        }
    }

    private IEnumerable<Measurement<long>> ReadCounts()
    {
        foreach (var (key, histogram) in _series)
        {
            yield return new Measurement<long>(histogram.Count,
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
