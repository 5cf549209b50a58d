using System.Net;
using System.Text.Json.Nodes;
using SchemaRegistry.Server.Tests.Support;
using SchemaRegistry.Testing;
using Xunit.Abstractions;
using static SchemaRegistry.Server.Tests.Support.Http;

namespace SchemaRegistry.Server.Tests.Conformance;

/// <summary>
/// JSON-Schema-Test-Suite (draft2020-12 and draft7, required tests) run THROUGH the registry: each schema is
/// registered over HTTP with the Confluent API, the suite's remotes are registered as subjects and passed as
/// references (never fetched), and each document goes to <c>POST /api/v1/validate/{id}</c>.
/// </summary>
public sealed class JsonSchemaTestSuiteOverHttpTests(ITestOutputHelper output, JsonSchemaTestSuiteOverHttpTests.Registries registries)
    : IClassFixture<JsonSchemaTestSuiteOverHttpTests.Registries>
{
    /// <summary>
    /// Two registries: the default one (asserts <c>format</c>, as the peer validators do) and one configured with
    /// <c>Registry:JsonSchema:AssertFormat=false</c> for the cases the suite calls "only an annotation by default".
    /// </summary>
    public sealed class Registries : IDisposable
    {
        public RegistryFactory Asserting { get; } = new();
        public RegistryFactory Annotating { get; } = new(new Dictionary<string, string?> { ["Registry:JsonSchema:AssertFormat"] = "false" });
        public HttpClient AssertingClient { get; }
        public HttpClient AnnotatingClient { get; }

        public Registries()
        {
            AssertingClient = Asserting.CreateClient();
            AnnotatingClient = Annotating.CreateClient();
        }

        public void Dispose()
        {
            AssertingClient.Dispose();
            AnnotatingClient.Dispose();
            Asserting.Dispose();
            Annotating.Dispose();
        }
    }

    private const string Draft7Uri = "http://json-schema.org/draft-07/schema#";

    public static TheoryData<string, string> Files()
    {
        var data = new TheoryData<string, string>();
        foreach (var folder in new[] { "draft2020-12", "draft7" })
        {
            foreach (var file in JsonSchemaTestSuite.Files(folder)) data.Add(folder, Path.GetFileName(file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Every_case_of_the_file_gets_the_suite_verdict_through_the_registry(string folder, string file)
    {
        var failures = new List<string>();
        var passed = 0;
        var groupIndex = 0;
        foreach (var group in JsonSchemaTestSuite.Cases(folder).Where(c => c.File == file).GroupBy(c => (c.Group, c.SchemaText)))
        {
            groupIndex++;
            foreach (var annotationOnly in new[] { false, true })
            {
                var cases = group.Where(c => JsonSchemaTestSuite.IsAnnotationOnlyFormatCase(c) == annotationOnly).ToList();
                if (cases.Count == 0) continue;
                var client = annotationOnly ? registries.AnnotatingClient : registries.AssertingClient;
                var schema = folder == "draft7" ? WithDialect(group.Key.SchemaText, Draft7Uri) : group.Key.SchemaText;
                var references = await RegisterRemotesAsync(client, schema, folder);
                var subject = $"jsts-{folder}-{file}-{groupIndex}";
                using var registered = await client.PostAsync($"/subjects/{subject}/versions", ConfluentBody(new { schemaType = "JSON", schema, references }));
                var registration = await registered.Content.ReadAsStringAsync();
                if (registered.StatusCode != HttpStatusCode.OK)
                {
                    failures.Add($"{group.Key.Group}: registration refused {(int)registered.StatusCode} {registration}");
                    continue;
                }
                var id = JsonNode.Parse(registration)!["id"]!.GetValue<long>();
                foreach (var @case in cases)
                {
                    using var response = await client.PostAsync($"/api/v1/validate/{id}", Raw(@case.DataText));
                    var body = await response.Content.ReadAsStringAsync();
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        failures.Add($"{@case.Id}: {(int)response.StatusCode} {body}");
                        continue;
                    }
                    var valid = JsonNode.Parse(body)!["valid"]!.GetValue<bool>();
                    if (valid == @case.Valid) passed++;
                    else failures.Add($"{@case.Id}: expected valid={@case.Valid}: {body}");
                }
            }
        }
        output.WriteLine($"{folder}/{file}: {passed} passed through HTTP, {failures.Count} failed");
        foreach (var failure in failures) output.WriteLine("  " + failure);
        failures.ShouldBeEmpty();
        passed.ShouldBeGreaterThan(0);
    }

    /// <summary>The draft7 suite omits <c>$schema</c>: the registry's default is 2020-12, so the dialect is declared.</summary>
    private static string WithDialect(string schema, string dialect)
    {
        var node = JsonNode.Parse(schema);
        if (node is not JsonObject obj || obj.ContainsKey("$schema")) return schema;
        var declared = new JsonObject { ["$schema"] = dialect };
        foreach (var (key, value) in obj.ToList())
        {
            obj.Remove(key);
            declared[key] = value;
        }
        return declared.ToJsonString();
    }

    /// <summary>
    /// Registers every remote the schema needs and returns them as Confluent references. A remote is a document the
    /// suite serves at a URL; registered on its own it declares that URL as its <c>$id</c> (and, in the draft7 run,
    /// its dialect) so that its relative <c>$ref</c>s resolve as they would when fetched.
    /// </summary>
    private static async Task<object[]> RegisterRemotesAsync(HttpClient client, string schema, string folder)
    {
        var references = new List<object>();
        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var remote in JsonSchemaTestSuite.RemotesFor(schema))
        {
            await RegisterRemoteAsync(client, remote, folder, done);
            references.Add(new { name = remote.Name, subject = RemoteSubject(remote.Name, folder), version = 1 });
        }
        return [.. references];
    }

    // Depth first: a remote's own references must exist before it is registered.
    private static async Task RegisterRemoteAsync(HttpClient client, Core.Formats.ResolvedReference remote, string folder, HashSet<string> done)
    {
        if (!done.Add(remote.Name)) return;
        var text = WithIdentity(remote.Name, remote.Text, folder);
        var nested = JsonSchemaTestSuite.RemotesFor(text).Where(r => r.Name != remote.Name).ToList();
        foreach (var dependency in nested) await RegisterRemoteAsync(client, dependency, folder, done);
        var references = nested.Select(r => new { name = r.Name, subject = RemoteSubject(r.Name, folder), version = 1 }).ToArray();
        // Registering the same content again is a no-op that returns version 1.
        using var response = await client.PostAsync($"/subjects/{RemoteSubject(remote.Name, folder)}/versions",
            ConfluentBody(new { schemaType = "JSON", schema = text, references }));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"remote {remote.Name}: {await response.Content.ReadAsStringAsync()}");
    }

    private static string WithIdentity(string url, string text, string folder)
    {
        if (JsonNode.Parse(text) is not JsonObject remote) return text;
        if (folder == "draft7" && !remote.ContainsKey("$schema")) text = WithDialect(text, Draft7Uri);
        if (remote.ContainsKey("$id") || remote.ContainsKey("id")) return text;
        var identified = (JsonObject)JsonNode.Parse(text)!;
        identified.Insert(identified.ContainsKey("$schema") ? 1 : 0, "$id", url);
        return identified.ToJsonString();
    }

    private static string RemoteSubject(string url, string folder) => $"jsts-remote-{folder}-" + url[JsonSchemaTestSuite.RemoteBase.Length..].Replace('/', '_');
}
