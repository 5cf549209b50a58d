using System.Diagnostics;
using System.Net;
using System.Text;
using SchemaRegistry.Server.Tests.Support;
using static SchemaRegistry.Server.Tests.Support.Http;

namespace SchemaRegistry.Server.Tests.Validation;

/// <summary>POST /api/v1/validate/{id} and /batch, exactly as CONTRACT.md describes them, with their limits.</summary>
public sealed class ValidationEndpointTests : IDisposable
{
    private readonly RegistryFactory _factory = new(new Dictionary<string, string?>
    {
        ["Registry:Limits:MaxRequestBytes"] = "65536",
        ["Registry:Limits:MaxJsonDepth"] = "32",
        ["Registry:Limits:MaxBatchDocuments"] = "50",
    });
    private readonly HttpClient _client;

    public ValidationEndpointTests() => _client = _factory.CreateClient();

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    private const string ToolCall = """
        {"type":"object","required":["name","arguments"],"additionalProperties":false,
         "properties":{"name":{"enum":["search","fetch"]},
                       "arguments":{"type":"object","required":["query"],"properties":{"query":{"type":"string","minLength":1},"limit":{"type":"integer","maximum":50}}}}}
        """;

    private async Task<long> RegisterAsync(string schema) =>
        (await _client.PostAsync($"/subjects/{Subject()}/versions", JsonSchema(schema)).ExpectAsync(HttpStatusCode.OK))["id"]!.GetValue<long>();

    [Fact]
    public async Task A_valid_document_is_valid_with_no_errors()
    {
        var id = await RegisterAsync(ToolCall);
        var body = await _client.PostAsync($"/api/v1/validate/{id}", Raw("""{"name":"search","arguments":{"query":"llm"}}""")).ExpectAsync(HttpStatusCode.OK);
        body["valid"]!.GetValue<bool>().ShouldBeTrue();
        body["errors"]!.AsArray().Count.ShouldBe(0);
    }

    [Fact]
    public async Task An_invalid_document_lists_every_error_with_paths_and_keywords()
    {
        var id = await RegisterAsync(ToolCall);
        var body = await _client.PostAsync($"/api/v1/validate/{id}", Raw("""{"name":"delete","arguments":{"query":"","limit":99},"extra":1}""")).ExpectAsync(HttpStatusCode.OK);
        body["valid"]!.GetValue<bool>().ShouldBeFalse();
        var errors = body["errors"]!.AsArray().Select(e => (Path: e!["instancePath"]!.GetValue<string>(), Keyword: e["keyword"]!.GetValue<string>(), Schema: e["schemaPath"]!.GetValue<string>(), Message: e["message"]!.GetValue<string>())).ToList();
        errors.ShouldContain(e => e.Path == "/name" && e.Keyword == "enum");
        errors.ShouldContain(e => e.Path == "/arguments/query" && e.Keyword == "minLength" && e.Schema.EndsWith("/minLength", StringComparison.Ordinal));
        errors.ShouldContain(e => e.Path == "/arguments/limit" && e.Keyword == "maximum");
        errors.ShouldContain(e => e.Keyword == "additionalProperties");
        errors.ShouldAllBe(e => e.Message.Length > 0);
    }

    [Fact]
    public async Task A_batch_counts_and_reports_each_document()
    {
        var id = await RegisterAsync(ToolCall);
        var body = await _client.PostAsync($"/api/v1/validate/{id}/batch",
            Raw("""[{"name":"search","arguments":{"query":"a"}},{"name":"nope"},{"name":"fetch","arguments":{"query":"b"}}]""")).ExpectAsync(HttpStatusCode.OK);
        body["valid"]!.GetValue<int>().ShouldBe(2);
        body["invalid"]!.GetValue<int>().ShouldBe(1);
        var results = body["results"]!.AsArray();
        results.Select(r => r!["index"]!.GetValue<int>()).ShouldBe([0, 1, 2]);
        results.Select(r => r!["valid"]!.GetValue<bool>()).ShouldBe([true, false, true]);
        results[1]!["errors"]!.AsArray().Count.ShouldBeGreaterThan(0);
        results[0]!["errors"]!.AsArray().Count.ShouldBe(0);
    }

    [Fact]
    public async Task A_batch_answer_is_compact_json_in_the_contract_shape()
    {
        var id = await RegisterAsync(ToolCall);
        using var response = await _client.PostAsync($"/api/v1/validate/{id}/batch",
            Raw("""[{"name":"search","arguments":{"query":"a"}},{"name":"nope"},{"name":"fetch","arguments":{"query":"b"}}]"""));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = await response.Content.ReadAsStringAsync();
        // Valid items are written as one raw value each: byte for byte what the writer writes for the others.
        text.ShouldStartWith("""{"valid":2,"invalid":1,"results":[{"index":0,"valid":true,"errors":[]},{"index":1,"valid":false,"errors":[{""");
        text.ShouldEndWith("""]},{"index":2,"valid":true,"errors":[]}]}""");
        using var parsed = System.Text.Json.JsonDocument.Parse(text);
        parsed.RootElement.GetProperty("results").GetArrayLength().ShouldBe(3);
    }

    [Fact]
    public async Task A_batch_decides_each_item_wherever_its_first_problem_is()
    {
        var id = await RegisterAsync(ToolCall);
        // Items refused at their first token (a string, an array), deep inside (a nested value), at their end (a
        // missing required name), and valid ones between them; padded so the body spans several pipe segments.
        var padding = new string('p', 600);
        string[] items =
        [
            $$$"""{"name":"search","arguments":{"query":"{{{padding}}}"}}""",
            "\"just a string\"",
            "{\"name\":\"fetch\",\"arguments\":{\"query\":\"" + padding + "\",\"limit\":{\"deep\":[1,2,{\"x\":3}]}}}",
            "[1,2,3]",
            $$$"""{"name":"search","arguments":{"limit":3,"other":"{{{padding}}}"}}""",
            $$$"""{"name":"fetch","arguments":{"query":"{{{padding}}}"}}""",
            "null",
        ];
        var batch = "[" + string.Join(",", Enumerable.Range(0, 42).Select(i => items[i % items.Length])) + "]";
        batch.Length.ShouldBeGreaterThan(10_000);
        var body = await _client.PostAsync($"/api/v1/validate/{id}/batch", Raw(batch)).ExpectAsync(HttpStatusCode.OK);
        var results = body["results"]!.AsArray();
        results.Count.ShouldBe(42);
        for (var i = 0; i < 42; i++)
        {
            var result = results[i]!;
            result["index"]!.GetValue<int>().ShouldBe(i);
            var expectValid = i % items.Length is 0 or 5;
            result["valid"]!.GetValue<bool>().ShouldBe(expectValid, $"item {i}");
            var errors = result["errors"]!.AsArray();
            if (expectValid) errors.Count.ShouldBe(0);
            else errors.Count.ShouldBeGreaterThan(0, $"item {i}");
        }
        results[2]!["errors"]!.AsArray().ShouldContain(e => e!["instancePath"]!.GetValue<string>() == "/arguments/limit" && e["keyword"]!.GetValue<string>() == "type");
        results[4]!["errors"]!.AsArray().ShouldContain(e => e!["instancePath"]!.GetValue<string>() == "/arguments" && e["keyword"]!.GetValue<string>() == "required");
        body["valid"]!.GetValue<int>().ShouldBe(12);
        body["invalid"]!.GetValue<int>().ShouldBe(30);
    }

    [Fact]
    public async Task Text_after_the_document_is_400_even_when_the_document_is_valid()
    {
        var id = await RegisterAsync(ToolCall);
        const string Valid = """{"name":"search","arguments":{"query":"a"}}""";
        (await _client.PostAsync($"/api/v1/validate/{id}", Raw(Valid + "  \n")).ExpectAsync(HttpStatusCode.OK))["valid"]!.GetValue<bool>().ShouldBeTrue();
        var problem = await _client.PostAsync($"/api/v1/validate/{id}", Raw(Valid + " {}")).ExpectProblemAsync(HttpStatusCode.BadRequest);
        problem["detail"]!.GetValue<string>().ShouldContain("not valid JSON");
        await _client.PostAsync($"/api/v1/validate/{id}/batch", Raw("[" + Valid + "] x")).ExpectProblemAsync(HttpStatusCode.BadRequest);
        await _client.PostAsync($"/api/v1/validate/{id}/batch", Raw("[" + Valid + ",")).ExpectProblemAsync(HttpStatusCode.BadRequest);
        await _client.PostAsync($"/api/v1/validate/{id}/batch", Raw("   ")).ExpectProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_batch_is_read_as_json_whatever_its_spacing_and_refused_where_it_is_not()
    {
        var id = await RegisterAsync(ToolCall);
        const string Valid = """{"name":"search","arguments":{"query":"a"}}""";
        var spaced = await _client.PostAsync($"/api/v1/validate/{id}/batch", Raw($" \n[ {Valid} ,\r\n\t{Valid}\n, 7 ]\n")).ExpectAsync(HttpStatusCode.OK);
        spaced["valid"]!.GetValue<int>().ShouldBe(2);
        spaced["invalid"]!.GetValue<int>().ShouldBe(1);
        foreach (var empty in new[] { "[]", " [ \n ] " })
        {
            var body = await _client.PostAsync($"/api/v1/validate/{id}/batch", Raw(empty)).ExpectAsync(HttpStatusCode.OK);
            body["results"]!.AsArray().Count.ShouldBe(0);
        }
        // Broken after a valid item, inside an item the stream path gives up on, by a trailing comma, by a missing one.
        foreach (var broken in new[] { $"[{Valid},{{\"name\": tru}}]", $"[{Valid},{{\"name\":1,}}]", $"[{Valid},]", $"[{Valid} {Valid}]", "[,]", "[01]" })
        {
            var problem = await _client.PostAsync($"/api/v1/validate/{id}/batch", Raw(broken)).ExpectProblemAsync(HttpStatusCode.BadRequest);
            problem["detail"]!.GetValue<string>().ShouldContain("not valid JSON", customMessage: broken);
        }
    }

    [Fact]
    public async Task A_batch_must_be_an_array_within_the_document_limit()
    {
        var id = await RegisterAsync(ToolCall);
        await _client.PostAsync($"/api/v1/validate/{id}/batch", Raw("""{"name":"search"}""")).ExpectProblemAsync(HttpStatusCode.BadRequest);
        var tooMany = "[" + string.Join(",", Enumerable.Repeat("{}", 51)) + "]";
        var problem = await _client.PostAsync($"/api/v1/validate/{id}/batch", Raw(tooMany)).ExpectProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        problem["detail"]!.GetValue<string>().ShouldContain("51 documents");
    }

    [Fact]
    public async Task Bad_bodies_and_unknown_ids_are_problems()
    {
        var id = await RegisterAsync(ToolCall);
        var notJson = await _client.PostAsync($"/api/v1/validate/{id}", Raw("{\"name\": ")).ExpectProblemAsync(HttpStatusCode.BadRequest);
        notJson["detail"]!.GetValue<string>().ShouldContain("not valid JSON");
        await _client.PostAsync($"/api/v1/validate/{id}", Raw("")).ExpectProblemAsync(HttpStatusCode.BadRequest);
        await _client.PostAsync($"/api/v1/validate/{id}", Raw("{}", "text/plain")).ExpectProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await _client.PostAsync("/api/v1/validate/987654321", Raw("{}")).ExpectProblemAsync(HttpStatusCode.NotFound, 40403);
        var noMessages = await _client.PostAsync($"/api/v1/validate/{id}?message=Foo", Raw("{}")).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, 42222);
        noMessages["detail"]!.GetValue<string>().ShouldContain("no message types");
    }

    [Fact]
    public async Task Bodies_over_the_size_limit_are_413()
    {
        var id = await RegisterAsync("""{"type":"string"}""");
        var big = "\"" + new string('x', 70_000) + "\"";
        var problem = await _client.PostAsync($"/api/v1/validate/{id}", Raw(big)).ExpectProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        problem["detail"]!.GetValue<string>().ShouldContain("65536");
    }

    [Fact]
    public async Task Documents_nested_beyond_the_limit_are_400()
    {
        var id = await RegisterAsync("""{}""");
        var deep = new StringBuilder().Append('[', 40).Append(']', 40).ToString();
        var problem = await _client.PostAsync($"/api/v1/validate/{id}", Raw(deep)).ExpectProblemAsync(HttpStatusCode.BadRequest);
        problem["detail"]!.GetValue<string>().ShouldContain("32");
    }

    [Fact]
    public async Task A_catastrophic_pattern_does_not_stall_the_request()
    {
        var id = await RegisterAsync("""{"type":"string","pattern":"^(a+)+$"}""");
        var evil = "\"" + new string('a', 40) + "!\"";
        var watch = Stopwatch.StartNew();
        var body = await _client.PostAsync($"/api/v1/validate/{id}", Raw(evil)).ExpectAsync(HttpStatusCode.OK);
        watch.Stop();
        body["valid"]!.GetValue<bool>().ShouldBeFalse();
        // Not a speed target: a backtracking engine would take minutes here, not seconds.
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(20));
        // The server is still answering.
        (await _client.PostAsync($"/api/v1/validate/{id}", Raw("\"aaa\"")).ExpectAsync(HttpStatusCode.OK))["valid"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task Validates_by_subject_and_version()
    {
        var subject = Subject();
        await _client.PostAsync($"/subjects/{subject}/versions", JsonSchema("""{"type":"integer"}""")).ExpectAsync(HttpStatusCode.OK);
        (await _client.PostAsync($"/api/v1/subjects/{subject}/versions/latest/validate", Raw("5")).ExpectAsync(HttpStatusCode.OK))["valid"]!.GetValue<bool>().ShouldBeTrue();
        (await _client.PostAsync($"/api/v1/subjects/{subject}/versions/1/validate", Raw("\"5\"")).ExpectAsync(HttpStatusCode.OK))["valid"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Theory]
    [InlineData("""{"type":"object","properties":{"a":{"enum":["x","y"]},"b":{"pattern":"^[a-z]+$"},"c":{"minLength":2}}}""")]
    [InlineData("""{"$schema":"https://json-schema.org/draft/2019-09/schema","type":"object","properties":{"a":{"enum":["x","y"]},"b":{"pattern":"^[a-z]+$"},"c":{"minLength":2}}}""")]
    public async Task Escaped_lone_surrogates_are_data_not_server_errors(string schema)
    {
        // The 2019-09 schema takes the library engine, the other the compiled one: both must answer with a verdict.
        var id = await RegisterAsync(schema);
        foreach (var document in new[] { """{"a":"\ud800"}""", """{"b":"\udc00x"}""", """{"c":"\ud800"}""" })
        {
            using var response = await _client.PostAsync($"/api/v1/validate/{id}", Raw(document));
            ((int)response.StatusCode).ShouldBeLessThan(500, document + " " + await response.Content.ReadAsStringAsync());
        }
        var body = await _client.PostAsync($"/api/v1/validate/{id}", Raw("""{"a":"\ud800"}""")).ExpectAsync(HttpStatusCode.OK);
        body["valid"]!.GetValue<bool>().ShouldBeFalse();
    }
}
