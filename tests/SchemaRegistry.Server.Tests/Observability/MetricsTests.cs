using System.Net;
using System.Text.RegularExpressions;
using SchemaRegistry.Server.Tests.Support;
using static SchemaRegistry.Server.Tests.Support.Http;

namespace SchemaRegistry.Server.Tests.Observability;

/// <summary>
/// OpenTelemetry listens to meters by name across the whole process, so these exact counts run alone, not beside
/// other test classes' registries.
/// </summary>
[CollectionDefinition(nameof(ProcessWideMetrics), DisableParallelization = true)]
public sealed class ProcessWideMetrics;

/// <summary>/metrics serves Prometheus text with the original design's metric names, moving as the registry works.</summary>
[Collection(nameof(ProcessWideMetrics))]
public sealed class MetricsTests : IDisposable
{
    private readonly RegistryFactory _factory = new();
    private readonly HttpClient _client;

    public MetricsTests() => _client = _factory.CreateClient();

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    private async Task<string> ScrapeAsync()
    {
        using var response = await _client.GetAsync("/metrics");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        return await response.Content.ReadAsStringAsync();
    }

    private static double Value(string scrape, string series)
    {
        var match = Regex.Match(scrape, "^" + Regex.Escape(series) + @"(?:\{[^}]*\})? ([0-9.eE+-]+)", RegexOptions.Multiline);
        match.Success.ShouldBeTrue($"{series} not in:\n{scrape}");
        return double.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static double Sum(string scrape, string name, string labelFragment)
    {
        var total = 0.0;
        foreach (Match match in Regex.Matches(scrape, "^" + Regex.Escape(name) + @"\{(.*)\} ([0-9.eE+-]+)$", RegexOptions.Multiline))
        {
            if (match.Groups[1].Value.Contains(labelFragment, StringComparison.Ordinal))
                total += double.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
        }
        return total;
    }

    [Fact]
    public async Task Exposes_the_design_metrics_by_their_exact_names()
    {
        var subject = Subject();
        var id = (await _client.PostAsync($"/subjects/{subject}/versions", JsonSchema("""{"type":"object","properties":{"a":{"type":"string"}}}""")).ExpectAsync(HttpStatusCode.OK))["id"]!.GetValue<long>();
        await _client.PostAsync($"/subjects/{subject}/versions", JsonSchema("""{"type":"object","properties":{"a":{"type":"integer"}}}""")).ExpectErrorAsync(409);
        await _client.PostAsync($"/api/v1/validate/{id}", Raw("""{"a":"x"}""")).ExpectAsync(HttpStatusCode.OK);
        await _client.PostAsync($"/api/v1/validate/{id}", Raw("""{"a":1}""")).ExpectAsync(HttpStatusCode.OK);
        await _client.PostAsync($"/api/v1/validate/{id}/batch", Raw("""[{"a":"x"},{"a":2},{}]""")).ExpectAsync(HttpStatusCode.OK);
        await _client.GetAsync($"/schemas/ids/{id}").ExpectAsync(HttpStatusCode.OK);

        var scrape = await ScrapeAsync();
        Sum(scrape, "schema_registry_requests_total", "route=\"/subjects/{subject}/versions\"").ShouldBe(2);
        Sum(scrape, "schema_registry_requests_total", "status=\"409\"").ShouldBe(1);
        Sum(scrape, "schema_registry_request_duration_seconds_count", "route=\"/api/v1/validate/{id:long}\"").ShouldBe(2);
        Sum(scrape, "schema_registry_schema_registrations_total", "result=\"created\"").ShouldBe(1);
        Sum(scrape, "schema_registry_compatibility_checks_total", "result=\"incompatible\"").ShouldBe(1);
        Sum(scrape, "schema_registry_validations_total", "result=\"valid\"").ShouldBe(3);
        Sum(scrape, "schema_registry_validations_total", "result=\"invalid\"").ShouldBe(2);
        Sum(scrape, "schema_registry_validation_duration_seconds_count", "").ShouldBe(5);
        Sum(scrape, "schema_registry_schemas_total", "format=\"JSON\"").ShouldBe(1);
        Sum(scrape, "schema_registry_schemas_total", "state=\"ACTIVE\"").ShouldBe(1);
        Sum(scrape, "schema_registry_cache_hits_total", "cache=\"schema\"").ShouldBeGreaterThan(0);
        scrape.ShouldContain("schema_registry_cache_misses_total{");
        // The second registration found its subject's history, configuration and mode in the store's memory.
        Sum(scrape, "schema_registry_cache_misses_total", "cache=\"subject\"").ShouldBeGreaterThan(0);
        Sum(scrape, "schema_registry_cache_hits_total", "cache=\"subject\"").ShouldBeGreaterThan(0);
        Sum(scrape, "schema_registry_storage_errors_total", "operation=").ShouldBe(0);
        Value(scrape, "schema_registry_store_commits_total").ShouldBeGreaterThanOrEqualTo(1);
        scrape.ShouldContain("schema_registry_request_duration_seconds_bucket{");
        scrape.ShouldContain("schema_registry_validation_duration_seconds_bucket{");
    }

    [Fact]
    public async Task Serves_the_histograms_in_OpenMetrics_before_the_end_marker_when_asked_for_it()
    {
        var subject = Subject();
        var id = (await _client.PostAsync($"/subjects/{subject}/versions", JsonSchema("""{"type":"object"}""")).ExpectAsync(HttpStatusCode.OK))["id"]!.GetValue<long>();
        await _client.PostAsync($"/api/v1/validate/{id}", Raw("""{"a":"x"}""")).ExpectAsync(HttpStatusCode.OK);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Accept.ParseAdd("application/openmetrics-text");
        using var response = await _client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/openmetrics-text");
        var scrape = await response.Content.ReadAsStringAsync();

        scrape.ShouldEndWith("\n# EOF\n");
        Regex.Count(scrape, "^# EOF$", RegexOptions.Multiline).ShouldBe(1);
        scrape.ShouldContain("# UNIT schema_registry_validation_duration_seconds seconds\n");
        Sum(scrape, "schema_registry_validation_duration_seconds_count", "").ShouldBe(1);
        Sum(scrape, "schema_registry_request_duration_seconds_count", "route=\"/api/v1/validate/{id:long}\"").ShouldBe(1);
        // Buckets are cumulative: the +Inf bucket holds every request of the series.
        Sum(scrape, "schema_registry_request_duration_seconds_bucket", "route=\"/api/v1/validate/{id:long}\",status=\"200\",le=\"+Inf\"").ShouldBe(1);
        Sum(scrape, "schema_registry_requests_total", "route=\"/api/v1/validate/{id:long}\"").ShouldBe(1);
    }

    [Fact]
    public async Task Metrics_and_health_need_no_body_and_answer_quickly()
    {
        (await ScrapeAsync()).ShouldContain("# TYPE schema_registry_storage_errors_total counter");
        (await _client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
