using System.Net;
using System.Text.Json.Nodes;
using SchemaRegistry.Server.Tests.Support;
using static SchemaRegistry.Server.Tests.Support.Http;

namespace SchemaRegistry.Server.Tests.Native;

/// <summary>The native API under /api/v1: metadata, semver, states, search, compatibility reports, diffs, problems.</summary>
public sealed class NativeApiTests(RegistryFixture registry) : IClassFixture<RegistryFixture>
{
    private readonly HttpClient _client = registry.Client;

    // A closed content model: adding an optional property is then a compatible change (on an open model it is not:
    // old data may already carry that property with any type).
    private static object Person(string extra = "") => JsonNode.Parse($$"""
        {"type":"object","properties":{"name":{"type":"string"}{{extra}}},"required":["name"],"additionalProperties":false}
        """)!;

    private Task<JsonNode> RegisterAsync(object body, HttpStatusCode status = HttpStatusCode.Created) =>
        _client.PostAsync("/api/v1/schemas", JsonBody(body)).ExpectAsync(status);

    [Fact]
    public async Task Registers_with_namespace_name_and_metadata()
    {
        var ns = $"llm.test{Guid.NewGuid():N}";
        var created = await RegisterAsync(new
        {
            @namespace = ns, name = "ResponseV", schema = Person(), description = "A chat response", owner = "team-gateway",
            tags = new[] { "chat", "pii" }, metadata = new Dictionary<string, string> { ["domain"] = "chat" },
        });
        created["subject"]!.GetValue<string>().ShouldBe($"{ns}.ResponseV");
        created["version"]!.GetValue<int>().ShouldBe(1);
        created["semver"]!.GetValue<string>().ShouldBe("1.0.0");
        created["created"]!.GetValue<bool>().ShouldBeTrue();

        var version = await _client.GetAsync($"/api/v1/subjects/{ns}.ResponseV/versions/latest").ExpectAsync(HttpStatusCode.OK);
        version["namespace"]!.GetValue<string>().ShouldBe(ns);
        version["name"]!.GetValue<string>().ShouldBe("ResponseV");
        version["description"]!.GetValue<string>().ShouldBe("A chat response");
        version["owner"]!.GetValue<string>().ShouldBe("team-gateway");
        version["tags"]!.AsArray().Select(t => t!.GetValue<string>()).ShouldBe(["chat", "pii"]);
        version["metadata"]!["domain"]!.GetValue<string>().ShouldBe("chat");
        version["state"]!.GetValue<string>().ShouldBe("ACTIVE");
        version["fingerprint"]!.GetValue<string>().Length.ShouldBe(64);
        version["schemaType"]!.GetValue<string>().ShouldBe("JSON");

        // Registering the same schema again writes nothing and says so.
        var again = await RegisterAsync(new { subject = $"{ns}.ResponseV", schema = Person() }, HttpStatusCode.OK);
        again["created"]!.GetValue<bool>().ShouldBeFalse();
        again["id"]!.GetValue<long>().ShouldBe(created["id"]!.GetValue<long>());
    }

    [Fact]
    public async Task Proposes_semver_from_the_diff_and_reads_versions_by_semver()
    {
        var subject = Subject("semver");
        await RegisterAsync(new { subject, schema = Person() });
        var minor = await RegisterAsync(new { subject, schema = Person(""","age":{"type":"integer"}""") });
        minor["semver"]!.GetValue<string>().ShouldBe("1.1.0");
        minor["changes"]!.AsArray().ShouldContain(c => c!["impact"]!.GetValue<string>() == "COMPATIBLE");
        var patch = await RegisterAsync(new { subject, schema = JsonNode.Parse("""{"description":"a person","type":"object","properties":{"name":{"type":"string"},"age":{"type":"integer"}},"required":["name"],"additionalProperties":false}""") });
        patch["semver"]!.GetValue<string>().ShouldBe("1.1.1");

        var bySemver = await _client.GetAsync($"/api/v1/subjects/{subject}/versions/1.1.0").ExpectAsync(HttpStatusCode.OK);
        bySemver["version"]!.GetValue<int>().ShouldBe(2);
        await _client.GetAsync($"/api/v1/subjects/{subject}/versions/9.9.9").ExpectProblemAsync(HttpStatusCode.NotFound, 40402);
    }

    [Fact]
    public async Task An_explicit_semver_that_contradicts_the_diff_is_refused()
    {
        var subject = Subject("semver");
        await _client.PutAsync($"/config/{subject}", ConfluentBody(new { compatibility = "NONE" })).ExpectAsync(HttpStatusCode.OK);
        await RegisterAsync(new { subject, schema = Person(), semver = "2.3.0" });
        var breaking = new { subject, schema = JsonNode.Parse("""{"type":"object","properties":{"name":{"type":"integer"}},"required":["name"],"additionalProperties":false}"""), semver = "2.4.0" };
        var problem = await _client.PostAsync("/api/v1/schemas", JsonBody(breaking)).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, 42220);
        problem["detail"]!.GetValue<string>().ShouldContain("3.0.0");
        await _client.GetAsync($"/api/v1/subjects/{subject}/versions/2").ExpectProblemAsync(HttpStatusCode.NotFound);
        var ok = await RegisterAsync(breaking with { semver = "3.0.0" });
        ok["semver"]!.GetValue<string>().ShouldBe("3.0.0");
    }

    [Fact]
    public async Task States_move_through_the_life_cycle()
    {
        var subject = Subject("state");
        await RegisterAsync(new { subject, schema = Person(), state = "DRAFT" });
        var url = $"/api/v1/subjects/{subject}/versions/1/state";
        await _client.PostAsync(url, JsonBody(new { state = "DEPRECATED" })).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, 42221);
        (await _client.PostAsync(url, JsonBody(new { state = "ACTIVE" })).ExpectAsync(HttpStatusCode.OK))["state"]!.GetValue<string>().ShouldBe("ACTIVE");
        var sunset = DateTimeOffset.UtcNow.AddDays(30);
        var deprecated = await _client.PostAsync(url, JsonBody(new { state = "DEPRECATED", sunsetAt = sunset })).ExpectAsync(HttpStatusCode.OK);
        deprecated["state"]!.GetValue<string>().ShouldBe("DEPRECATED");
        DateTimeOffset.Parse(deprecated["sunsetAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).ShouldBe(sunset, TimeSpan.FromSeconds(1));
        await _client.PostAsync(url, JsonBody(new { state = "DEPRECATED", sunsetAt = DateTimeOffset.UtcNow.AddDays(-1) })).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);
        (await _client.PostAsync(url, JsonBody(new { state = "ARCHIVED" })).ExpectAsync(HttpStatusCode.OK))["state"]!.GetValue<string>().ShouldBe("ARCHIVED");
        await _client.PostAsync(url, JsonBody(new { state = "ACTIVE" })).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, 42221);
        await _client.PostAsync(url, JsonBody(new { state = "GONE" })).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, 42222);
    }

    [Fact]
    public async Task Deprecation_defaults_to_a_ninety_day_sunset()
    {
        var subject = Subject("sunset");
        await RegisterAsync(new { subject, schema = Person() });
        var deprecated = await _client.PostAsync($"/api/v1/subjects/{subject}/versions/latest/state", JsonBody(new { state = "DEPRECATED" })).ExpectAsync(HttpStatusCode.OK);
        var sunset = DateTimeOffset.Parse(deprecated["sunsetAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        sunset.ShouldBe(DateTimeOffset.UtcNow.AddDays(90), TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task Searches_by_prefix_namespace_tag_state_format_and_text()
    {
        var ns = $"search{Guid.NewGuid():N}";
        await RegisterAsync(new { @namespace = ns, name = "Alpha", schema = Person(), tags = new[] { "billing" }, description = "Invoices for tokens" });
        await RegisterAsync(new { @namespace = ns, name = "Beta", schema = Person(), tags = new[] { "chat" }, owner = "team-chat", state = "DRAFT" });
        async Task<string[]> Find(string query) =>
            [.. (await _client.GetAsync($"/api/v1/subjects?{query}").ExpectAsync(HttpStatusCode.OK))["items"]!.AsArray().Select(i => i!["subject"]!.GetValue<string>())];

        (await Find($"prefix={ns}")).ShouldBe([$"{ns}.Alpha", $"{ns}.Beta"]);
        (await Find($"namespace={ns}")).ShouldBe([$"{ns}.Alpha", $"{ns}.Beta"]);
        (await Find($"prefix={ns}&tag=BILLING")).ShouldBe([$"{ns}.Alpha"]);
        (await Find($"prefix={ns}&state=DRAFT")).ShouldBe([$"{ns}.Beta"]);
        (await Find($"prefix={ns}&format=JSON")).Length.ShouldBe(2);
        (await Find($"prefix={ns}&format=AVRO")).ShouldBeEmpty();
        (await Find($"prefix={ns}&q=invoices")).ShouldBe([$"{ns}.Alpha"]);
        (await Find($"prefix={ns}&q=team-chat")).ShouldBe([$"{ns}.Beta"]);
        (await Find($"prefix={ns}&limit=1&offset=1")).ShouldBe([$"{ns}.Beta"]);
        await _client.GetAsync("/api/v1/subjects?limit=0").ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);
        await _client.GetAsync("/api/v1/subjects?state=SLEEPING").ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Compatibility_report_gives_the_diff_and_every_level()
    {
        var subject = Subject("compat");
        // An open content model: a new required property breaks BACKWARD (old data lacks it) but not FORWARD.
        await RegisterAsync(new { subject, schema = JsonNode.Parse("""{"type":"object","properties":{"name":{"type":"string"}},"required":["name"]}""") });
        var report = await _client.PostAsync($"/api/v1/compatibility/subjects/{subject}",
            JsonBody(new { schema = JsonNode.Parse("""{"type":"object","properties":{"name":{"type":"string"},"email":{"type":"string"}},"required":["name","email"]}""") }))
            .ExpectAsync(HttpStatusCode.OK);
        report["compatible"]!.GetValue<bool>().ShouldBeFalse();
        report["level"]!.GetValue<string>().ShouldBe("BACKWARD");
        report["againstVersion"]!.GetValue<int>().ShouldBe(1);
        report["proposedSemver"]!.GetValue<string>().ShouldBe("2.0.0");
        report["verdicts"]!["NONE"]!.GetValue<bool>().ShouldBeTrue();
        report["verdicts"]!["BACKWARD"]!.GetValue<bool>().ShouldBeFalse();
        report["verdicts"]!["FORWARD"]!.GetValue<bool>().ShouldBeTrue();
        report["violations"]!.AsArray().ShouldContain(v => v!["path"]!.GetValue<string>().Contains("required") || v["path"]!.GetValue<string>().Contains("email"));
        report["changes"]!.AsArray().Count.ShouldBeGreaterThan(0);
        // Nothing was registered.
        (await _client.GetAsync($"/api/v1/subjects/{subject}").ExpectAsync(HttpStatusCode.OK))["versions"]!.AsArray().Count.ShouldBe(1);
        // The schema the subject already has keeps its semver: registering it would change nothing.
        var same = await _client.PostAsync($"/api/v1/compatibility/subjects/{subject}",
            JsonBody(new { schema = JsonNode.Parse("""{"type":"object","properties":{"name":{"type":"string"}},"required":["name"]}""") })).ExpectAsync(HttpStatusCode.OK);
        same["compatible"]!.GetValue<bool>().ShouldBeTrue();
        same["proposedSemver"]!.GetValue<string>().ShouldBe("1.0.0");
        same["changes"]!.AsArray().Count.ShouldBe(0);
    }

    [Fact]
    public async Task Diffs_any_two_versions()
    {
        var subject = Subject("diff");
        await RegisterAsync(new { subject, schema = Person() });
        await RegisterAsync(new { subject, schema = Person(""","age":{"type":"integer","minimum":0}""") });
        var diff = await _client.GetAsync($"/api/v1/subjects/{subject}/diff?from=1&to=2").ExpectAsync(HttpStatusCode.OK);
        diff["bump"]!.GetValue<string>().ShouldBe("MINOR");
        diff["backwardCompatible"]!.GetValue<bool>().ShouldBeTrue();
        diff["changes"]!.AsArray().ShouldContain(c => c!["path"]!.GetValue<string>().Contains("/properties/age"));
        var reverse = await _client.GetAsync($"/api/v1/subjects/{subject}/diff?from=2&to=1").ExpectAsync(HttpStatusCode.OK);
        reverse["forwardCompatible"]!.GetValue<bool>().ShouldBe(diff["backwardCompatible"]!.GetValue<bool>());
        await _client.GetAsync($"/api/v1/subjects/{subject}/diff").ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Errors_are_problem_documents()
    {
        await _client.GetAsync($"/api/v1/subjects/{Subject()}").ExpectProblemAsync(HttpStatusCode.NotFound, 40401);
        await _client.GetAsync("/api/v1/schemas/99999999").ExpectProblemAsync(HttpStatusCode.NotFound, 40403);
        await _client.PostAsync("/api/v1/schemas", Raw("{oops")).ExpectProblemAsync(HttpStatusCode.BadRequest, 400);
        await _client.PostAsync("/api/v1/schemas", JsonBody(new { schema = Person() })).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, 42222);
        await _client.PostAsync("/api/v1/schemas", JsonBody(new { subject = Subject(), schema = JsonNode.Parse("""{"type":"strin"}""") })).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, 42201);
        await _client.PostAsync("/api/v1/schemas", JsonBody(new { subject = "bad\u0001name", schema = Person() })).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, 42208);
        await _client.GetAsync("/api/v1/nothing-here").ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Schema_by_id_lists_where_it_is_used()
    {
        var subject = Subject("byid");
        var schema = JsonNode.Parse($$"""{"type":"string","$comment":"{{subject}}"}""");
        var id = (await RegisterAsync(new { subject, schema }))["id"]!.GetValue<long>();
        var body = await _client.GetAsync($"/api/v1/schemas/{id}").ExpectAsync(HttpStatusCode.OK);
        body["usedBy"]!.AsArray().Single()!["subject"]!.GetValue<string>().ShouldBe(subject);
        body["schemaType"]!.GetValue<string>().ShouldBe("JSON");
        body["validator"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        body.AsObject().ContainsKey("messages").ShouldBeFalse();
        var versions = await _client.GetAsync($"/api/v1/subjects/{subject}/versions").ExpectAsync(HttpStatusCode.OK);
        versions.AsArray().Single()!["id"]!.GetValue<long>().ShouldBe(id);
        versions.AsArray().Single()!["semver"]!.GetValue<string>().ShouldBe("1.0.0");
    }
}
