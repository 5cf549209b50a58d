using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using SchemaRegistry.Server.Tests.Support;
using static SchemaRegistry.Server.Tests.Support.Http;

namespace SchemaRegistry.Server.Tests.Observability;

/// <summary>The registry's own spans, and structured JSON logs that carry trace, span and request ids.</summary>
public sealed class TracingAndLoggingTests
{
    [Fact]
    public async Task Register_check_validate_and_commit_produce_spans_linked_to_the_request()
    {
        var spans = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "SchemaRegistry" or "SchemaRegistry.Storage",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(listener);

        using var factory = new RegistryFactory();
        using var client = factory.CreateClient();
        var subject = Subject("traced");
        var id = (await client.PostAsync($"/subjects/{subject}/versions", JsonSchema($$"""{"type":"string","$comment":"{{subject}}"}""")).ExpectAsync(HttpStatusCode.OK))["id"]!.GetValue<long>();
        await client.PostAsync($"/compatibility/subjects/{subject}/versions/latest", JsonSchema("""{"type":"integer"}""")).ExpectAsync(HttpStatusCode.OK);
        await client.PostAsync($"/api/v1/validate/{id}", Raw("\"ok\"")).ExpectAsync(HttpStatusCode.OK);

        var mine = spans.ToList();
        var register = mine.Single(s => s.OperationName == "register" && (string?)s.GetTagItem("registry.subject") == subject);
        register.GetTagItem("registry.schema_id").ShouldBe(id);
        mine.ShouldContain(s => s.OperationName == "compatibility.check" && (string?)s.GetTagItem("registry.subject") == subject && Equals(s.GetTagItem("registry.compatible"), false));
        mine.ShouldContain(s => s.OperationName == "validate" && Equals(s.GetTagItem("registry.valid"), true));
        // The commit runs on the store's writer thread; it links back to the registration that it carried.
        mine.ShouldContain(s => s.OperationName == "store.commit" && s.Links.Any(l => l.Context.SpanId == register.SpanId));
    }

    [Fact]
    public async Task Logs_are_json_lines_with_trace_span_request_ids_and_principal()
    {
        await using var server = await ServerProcess.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        var subject = Subject("logged");
        using (var response = await client.PostAsync($"/subjects/{subject}/versions",
            new StringContent("""{"schemaType":"JSON","schema":"{\"type\":\"boolean\"}"}""", Encoding.UTF8, "application/json")))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        JsonNode? line = null;
        for (var attempt = 0; attempt < 50 && line is null; attempt++)
        {
            line = server.Output.Split('\n').Where(l => l.StartsWith('{')).Select(l => JsonNode.Parse(l))
                .FirstOrDefault(l => l?["Message"]?.GetValue<string>().Contains(subject, StringComparison.Ordinal) == true);
            if (line is null) await Task.Delay(100);
        }
        line.ShouldNotBeNull(server.Output);
        line["LogLevel"]!.GetValue<string>().ShouldBe("Information");
        var scopes = line["Scopes"]!.AsArray().OfType<JsonObject>().ToList();
        scopes.ShouldContain(s => s.ContainsKey("TraceId") && s["TraceId"]!.GetValue<string>().Length == 32);
        scopes.ShouldContain(s => s.ContainsKey("SpanId") && s["SpanId"]!.GetValue<string>().Length == 16);
        scopes.ShouldContain(s => s.ContainsKey("RequestId") && s["RequestId"]!.GetValue<string>().Length > 0);
        scopes.ShouldContain(s => s.ContainsKey("Principal") && s["Principal"]!.GetValue<string>() == "anonymous");
        // The request body never reaches the logs at Information level.
        server.Output.ShouldNotContain("\\\"type\\\":\\\"boolean\\\"");
        server.KillHard();
        server.DeleteData();
    }

    [Fact]
    public async Task Tracing_exports_only_when_an_endpoint_is_configured_and_never_breaks_requests()
    {
        // Nothing listens on this port: export fails quietly in the background, requests are unaffected.
        using var factory = new RegistryFactory(new Dictionary<string, string?> { ["Registry:Telemetry:OtlpEndpoint"] = "http://127.0.0.1:9" });
        using var client = factory.CreateClient();
        await client.PostAsync($"/subjects/{Subject()}/versions", JsonSchema("""{"type":"null"}""")).ExpectAsync(HttpStatusCode.OK);
        (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
