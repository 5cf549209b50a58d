using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SchemaRegistry.Server.Tests.Support;
using static SchemaRegistry.Server.Tests.Support.Http;

namespace SchemaRegistry.Server.Tests.Observability;

/// <summary>
/// The alert rules and the dashboard in deploy/ only name metrics the registry really exports: a renamed metric
/// would otherwise silently turn an alert into one that never fires.
/// </summary>
[Collection(nameof(ProcessWideMetrics))]
public sealed partial class OperationsKitTests
{
    [GeneratedRegex(@"schema_registry_[a-z_]+")]
    private static partial Regex MetricName();

    private static readonly string[] HistogramSuffixes = ["_bucket", "_count", "_sum"];

    private static async Task<HashSet<string>> ExportedFamiliesAsync()
    {
        using var factory = new RegistryFactory();
        using var client = factory.CreateClient();
        var id = (await client.PostAsync($"/subjects/{Subject()}/versions", JsonSchema("""{"type":"string"}""")).ExpectAsync(HttpStatusCode.OK))["id"]!.GetValue<long>();
        await client.PostAsync($"/api/v1/validate/{id}", Raw("\"x\"")).ExpectAsync(HttpStatusCode.OK);
        await client.PostAsync($"/compatibility/subjects/{Subject()}/versions", JsonSchema("""{"type":"string"}""")).ExpectAsync(HttpStatusCode.OK);
        var scrape = await client.GetStringAsync("/metrics");
        return [.. Regex.Matches(scrape, @"^# TYPE (\S+) ", RegexOptions.Multiline).Select(m => m.Groups[1].Value)];
    }

    private static IEnumerable<string> Referenced(string text) =>
        MetricName().Matches(text).Select(m => m.Value)
            .Select(name => HistogramSuffixes.FirstOrDefault(name.EndsWith) is { } suffix ? name[..^suffix.Length] : name)
            .Distinct();

    [Fact]
    public async Task Alert_rules_name_only_exported_metrics()
    {
        var rules = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "deploy", "prometheus", "alerts.yml"));
        var exported = await ExportedFamiliesAsync();
        var names = Referenced(rules).ToList();
        names.Count.ShouldBeGreaterThan(4);
        names.Where(n => !exported.Contains(n)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Dashboard_names_only_exported_metrics()
    {
        var dashboard = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "deploy", "grafana", "llm-schema-registry.json")))!;
        var expressions = string.Join("\n", dashboard["panels"]!.AsArray().SelectMany(p => p!["targets"]!.AsArray()).Select(t => t!["expr"]!.GetValue<string>()));
        var exported = await ExportedFamiliesAsync();
        var names = Referenced(expressions).ToList();
        names.Count.ShouldBeGreaterThan(8);
        names.Where(n => !exported.Contains(n)).ShouldBeEmpty();
    }
}
