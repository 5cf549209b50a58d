using System.Net;
using SchemaRegistry.Server.Tests.Support;
using static SchemaRegistry.Server.Tests.Support.Http;

namespace SchemaRegistry.Server.Tests.Confluent;

/// <summary>/, /schemas, media types and the error shape of the Confluent API.</summary>
public sealed class SchemasAndRootTests(RegistryFixture registry) : IClassFixture<RegistryFixture>
{
    private readonly HttpClient _client = registry.Client;

    [Fact]
    public async Task Root_answers_an_empty_object_with_the_v1_media_type()
    {
        using var response = await _client.GetAsync("/");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(V1);
        (await response.Content.ReadAsStringAsync()).ShouldBe("{}");
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/vnd.schemaregistry+json")]
    [InlineData("application/vnd.schemaregistry.v1+json")]
    public async Task Answers_in_the_media_type_asked_for(string accept)
    {
        using var response = await _client.SendAsync(Request(HttpMethod.Get, "/schemas/types", accept: accept));
        response.Content.Headers.ContentType!.MediaType.ShouldBe(accept);
    }

    [Fact]
    public async Task Types_lists_json() =>
        (await _client.GetAsync("/schemas/types").ExpectAsync(HttpStatusCode.OK)).AsArray().Select(t => t!.GetValue<string>()).ShouldContain("JSON");

    [Fact]
    public async Task Accepts_every_confluent_request_type_and_none()
    {
        foreach (var type in new[] { V1, "application/vnd.schemaregistry+json", "application/json", "application/octet-stream" })
        {
            var subject = Subject();
            var content = Raw("""{"schemaType":"JSON","schema":"{\"type\":\"string\"}"}""", type);
            await _client.PostAsync($"/subjects/{subject}/versions", content).ExpectAsync(HttpStatusCode.OK);
        }
        var bare = new ByteArrayContent("""{"schemaType":"JSON","schema":"{\"type\":\"string\"}"}"""u8.ToArray());
        await _client.PostAsync($"/subjects/{Subject()}/versions", bare).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_unsupported_media_type_is_415_in_the_confluent_shape() =>
        await _client.PostAsync($"/subjects/{Subject()}/versions", Raw("schema", "text/plain")).ExpectErrorAsync(415);

    [Fact]
    public async Task Malformed_json_is_400_saying_where()
    {
        var message = await _client.PostAsync($"/subjects/{Subject()}/versions", Raw("{\"schema\": ", V1)).ExpectErrorAsync(400);
        message.ShouldContain("line");
        await _client.PostAsync($"/subjects/{Subject()}/versions", Raw("""{"schema": 12}""", V1)).ExpectErrorAsync(400, "schema");
    }

    [Fact]
    public async Task Unknown_routes_and_methods_answer_in_the_error_shape()
    {
        await _client.GetAsync("/no/such/route").ExpectErrorAsync(404);
        await _client.PutAsync("/schemas/types", ConfluentBody(new { })).ExpectErrorAsync(405);
    }

    [Fact]
    public async Task Schemas_lists_versions_by_subject_prefix_and_latest_only()
    {
        var prefix = Subject("listing");
        await _client.PutAsync($"/config/{prefix}-a", ConfluentBody(new { compatibility = "NONE" })).ExpectAsync(HttpStatusCode.OK);
        await _client.PostAsync($"/subjects/{prefix}-a/versions", JsonSchema("""{"type":"string"}""")).ExpectAsync(HttpStatusCode.OK);
        await _client.PostAsync($"/subjects/{prefix}-a/versions", JsonSchema("""{"type":"integer"}""")).ExpectAsync(HttpStatusCode.OK);
        await _client.PostAsync($"/subjects/{prefix}-b/versions", JsonSchema("""{"type":"boolean"}""")).ExpectAsync(HttpStatusCode.OK);
        var all = (await _client.GetAsync($"/schemas?subjectPrefix={prefix}").ExpectAsync(HttpStatusCode.OK)).AsArray();
        all.Select(s => $"{s!["subject"]}:{s["version"]}").ShouldBe([$"{prefix}-a:1", $"{prefix}-a:2", $"{prefix}-b:1"]);
        var latest = (await _client.GetAsync($"/schemas?subjectPrefix={prefix}&latestOnly=true").ExpectAsync(HttpStatusCode.OK)).AsArray();
        latest.Select(s => $"{s!["subject"]}:{s["version"]}").ShouldBe([$"{prefix}-a:2", $"{prefix}-b:1"]);
        var page = (await _client.GetAsync($"/schemas?subjectPrefix={prefix}&offset=1&limit=1").ExpectAsync(HttpStatusCode.OK)).AsArray();
        page.Select(s => $"{s!["subject"]}:{s["version"]}").ShouldBe([$"{prefix}-a:2"]);
    }

    [Fact]
    public async Task Schema_by_id_with_subject_and_max_id()
    {
        var subject = Subject();
        var id = (await _client.PostAsync($"/subjects/{subject}/versions", JsonSchema($$"""{"type":"string","$comment":"{{subject}}"}""")).ExpectAsync(HttpStatusCode.OK))["id"]!.GetValue<long>();
        var body = await _client.GetAsync($"/schemas/ids/{id}?fetchMaxId=true").ExpectAsync(HttpStatusCode.OK);
        body["maxId"]!.GetValue<long>().ShouldBeGreaterThanOrEqualTo(id);
        await _client.GetAsync($"/schemas/ids/{id}?subject={subject}").ExpectAsync(HttpStatusCode.OK);
        await _client.GetAsync($"/schemas/ids/{id}?subject={Subject()}").ExpectErrorAsync(40403);
        await _client.GetAsync("/schemas/ids/987654321").ExpectErrorAsync(40403, "Schema 987654321 not found");
        await _client.GetAsync("/schemas/ids/987654321/subjects").ExpectErrorAsync(40403);
        await _client.GetAsync("/schemas/ids/987654321/versions").ExpectErrorAsync(40403);
    }

    [Fact]
    public async Task Compatibility_of_a_missing_subject_is_true_and_of_a_missing_version_40402()
    {
        var subject = Subject();
        (await _client.PostAsync($"/compatibility/subjects/{subject}/versions/latest", JsonSchema("""{"type":"string"}""")).ExpectAsync(HttpStatusCode.OK))["is_compatible"]!.GetValue<bool>().ShouldBeTrue();
        (await _client.PostAsync($"/compatibility/subjects/{subject}/versions", JsonSchema("""{"type":"string"}""")).ExpectAsync(HttpStatusCode.OK))["is_compatible"]!.GetValue<bool>().ShouldBeTrue();
        await _client.PostAsync($"/compatibility/subjects/{subject}/versions/3", JsonSchema("""{"type":"string"}""")).ExpectErrorAsync(40402);
        await _client.PostAsync($"/compatibility/subjects/{subject}/versions/earliest", JsonSchema("""{"type":"string"}""")).ExpectErrorAsync(42202);
    }

    [Fact]
    public async Task Compatibility_verbose_explains_and_an_invalid_candidate_is_a_verdict()
    {
        var subject = Subject();
        await _client.PostAsync($"/subjects/{subject}/versions", JsonSchema("""{"type":"object","properties":{"a":{"type":"string"}},"additionalProperties":false}""")).ExpectAsync(HttpStatusCode.OK);
        var quiet = await _client.PostAsync($"/compatibility/subjects/{subject}/versions/latest", JsonSchema("""{"type":"object","properties":{"a":{"type":"integer"}},"additionalProperties":false}""")).ExpectAsync(HttpStatusCode.OK);
        quiet["is_compatible"]!.GetValue<bool>().ShouldBeFalse();
        quiet.AsObject().ContainsKey("messages").ShouldBeFalse();
        var verbose = await _client.PostAsync($"/compatibility/subjects/{subject}/versions/latest?verbose=true", JsonSchema("""{"type":"object","properties":{"a":{"type":"integer"}},"additionalProperties":false}""")).ExpectAsync(HttpStatusCode.OK);
        string.Join("\n", verbose["messages"]!.AsArray().Select(m => m!.GetValue<string>())).ShouldContain("/properties/a");
        var invalid = await _client.PostAsync($"/compatibility/subjects/{subject}/versions/latest?verbose=true", JsonSchema("""{"type":12}""")).ExpectAsync(HttpStatusCode.OK);
        invalid["is_compatible"]!.GetValue<bool>().ShouldBeFalse();
        await _client.PostAsync($"/compatibility/subjects/{subject}/versions/latest", JsonSchema("""{"type":12}""")).ExpectErrorAsync(42201);
    }

    [Fact]
    public async Task Contexts_lists_the_default_one() =>
        (await _client.GetAsync("/contexts").ExpectAsync(HttpStatusCode.OK)).AsArray().Select(c => c!.GetValue<string>()).ShouldBe(["."]);

    [Fact]
    public async Task Schemas_by_id_are_immutable_answers_with_etags()
    {
        var subject = Subject();
        var id = (await _client.PostAsync($"/subjects/{subject}/versions", JsonSchema($$"""{"type":"string","$comment":"{{subject}}"}""")).ExpectAsync(HttpStatusCode.OK))["id"]!.GetValue<long>();
        using var first = await _client.GetAsync($"/schemas/ids/{id}");
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        var etag = first.Headers.ETag!.Tag;
        first.Headers.CacheControl!.ToString().ShouldContain("immutable");
        using var again = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/schemas/ids/{id}") { Headers = { { "If-None-Match", etag } } });
        again.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        using var raw = await _client.GetAsync($"/schemas/ids/{id}/schema");
        raw.Headers.ETag!.Tag.ShouldBe(etag);
        (await raw.Content.ReadAsStringAsync()).ShouldContain(subject);
    }
}
