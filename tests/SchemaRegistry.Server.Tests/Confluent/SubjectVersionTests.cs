using System.Net;
using System.Text.Json.Nodes;
using SchemaRegistry.Server.Tests.Support;
using static SchemaRegistry.Server.Tests.Support.Http;

namespace SchemaRegistry.Server.Tests.Confluent;

/// <summary>Registration, listing, reading and lookup, as Confluent's own REST tests expect.</summary>
public sealed class SubjectVersionTests(RegistryFixture registry) : IClassFixture<RegistryFixture>
{
    private readonly HttpClient _client = registry.Client;
    private const string StringSchema = """{"type":"string"}""";
    private const string IntegerSchema = """{"type":"integer"}""";

    private async Task<long> RegisterAsync(string subject, string schema)
    {
        var body = await _client.PostAsync($"/subjects/{subject}/versions", JsonSchema(schema)).ExpectAsync(HttpStatusCode.OK);
        return body["id"]!.GetValue<long>();
    }

    private Task NoCompatibilityAsync(string subject) =>
        _client.PutAsync($"/config/{subject}", ConfluentBody(new { compatibility = "NONE" })).ExpectAsync(HttpStatusCode.OK);

    [Fact]
    public async Task Registering_twice_returns_the_same_id_and_version()
    {
        var subject = Subject();
        var first = await _client.PostAsync($"/subjects/{subject}/versions", JsonSchema(StringSchema)).ExpectAsync(HttpStatusCode.OK);
        var again = await _client.PostAsync($"/subjects/{subject}/versions", JsonSchema("{ \"type\" :  \"string\" }")).ExpectAsync(HttpStatusCode.OK);
        again["id"]!.GetValue<long>().ShouldBe(first["id"]!.GetValue<long>());
        again["version"]!.GetValue<int>().ShouldBe(1);
        (await _client.GetAsync($"/subjects/{subject}/versions").ExpectAsync(HttpStatusCode.OK)).AsArray().Select(v => v!.GetValue<int>()).ShouldBe([1]);
    }

    [Fact]
    public async Task The_same_schema_under_two_subjects_has_one_id()
    {
        var a = Subject();
        var b = Subject();
        var schema = """{"type":"object","properties":{"shared":{"type":"boolean"}}}""";
        var idA = await RegisterAsync(a, schema);
        var idB = await RegisterAsync(b, schema);
        idB.ShouldBe(idA);
        var version = await _client.GetAsync($"/subjects/{b}/versions/1").ExpectAsync(HttpStatusCode.OK);
        version["id"]!.GetValue<long>().ShouldBe(idA);
        version["subject"]!.GetValue<string>().ShouldBe(b);
        version["schemaType"]!.GetValue<string>().ShouldBe("JSON");
        version["schema"]!.GetValue<string>().ShouldBe(schema);
        version.AsObject().ContainsKey("references").ShouldBeFalse();
    }

    [Fact]
    public async Task Versions_are_served_back_as_registered_without_injected_keywords()
    {
        var subject = Subject();
        var schema = "{\n  \"title\": \"Tool call\",\n  \"type\": \"object\",\n  \"required\": [\"name\"],\n  \"properties\": { \"name\": { \"type\": \"string\" } }\n}";
        var id = await RegisterAsync(subject, schema);
        var raw = await _client.GetStringAsync($"/subjects/{subject}/versions/latest/schema");
        JsonNode.DeepEquals(JsonNode.Parse(raw), JsonNode.Parse(schema)).ShouldBeTrue(raw);
        raw.ShouldNotContain("$schema");
        var byId = await _client.GetAsync($"/schemas/ids/{id}").ExpectAsync(HttpStatusCode.OK);
        byId["schema"]!.GetValue<string>().ShouldBe(raw);
        (await _client.GetStringAsync($"/schemas/ids/{id}/schema")).ShouldBe(raw);
    }

    [Fact]
    public async Task Latest_and_minus_one_name_the_newest_live_version()
    {
        var subject = Subject();
        await NoCompatibilityAsync(subject);
        await RegisterAsync(subject, StringSchema);
        var second = await RegisterAsync(subject, IntegerSchema);
        foreach (var selector in new[] { "latest", "-1", "2" })
        {
            var body = await _client.GetAsync($"/subjects/{subject}/versions/{selector}").ExpectAsync(HttpStatusCode.OK);
            body["version"]!.GetValue<int>().ShouldBe(2);
            body["id"]!.GetValue<long>().ShouldBe(second);
        }
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-2")]
    [InlineData("earliest")]
    [InlineData("1.5")]
    public async Task Invalid_version_ids_are_42202(string version)
    {
        var subject = Subject();
        await RegisterAsync(subject, StringSchema);
        await _client.GetAsync($"/subjects/{subject}/versions/{version}").ExpectErrorAsync(42202, $"'{version}' is not a valid version id");
    }

    [Fact]
    public async Task Missing_subject_is_40401_and_missing_version_40402()
    {
        var subject = Subject();
        await _client.GetAsync($"/subjects/{subject}/versions").ExpectErrorAsync(40401, $"Subject '{subject}' not found.");
        await _client.GetAsync($"/subjects/{subject}/versions/1").ExpectErrorAsync(40401);
        await RegisterAsync(subject, StringSchema);
        await _client.GetAsync($"/subjects/{subject}/versions/200").ExpectErrorAsync(40402, "Version 200 not found.");
    }

    [Fact]
    public async Task Lookup_finds_the_version_or_says_which_part_is_missing()
    {
        var subject = Subject();
        await _client.PostAsync($"/subjects/{subject}", JsonSchema(StringSchema)).ExpectErrorAsync(40401);
        var id = await RegisterAsync(subject, StringSchema);
        var found = await _client.PostAsync($"/subjects/{subject}", JsonSchema(" {\"type\": \"string\"} ")).ExpectAsync(HttpStatusCode.OK);
        found["id"]!.GetValue<long>().ShouldBe(id);
        found["version"]!.GetValue<int>().ShouldBe(1);
        found["subject"]!.GetValue<string>().ShouldBe(subject);
        await _client.PostAsync($"/subjects/{subject}", JsonSchema(IntegerSchema)).ExpectErrorAsync(40403, "Schema not found");
    }

    [Fact]
    public async Task Subjects_are_listed_sorted_with_prefix_offset_and_limit()
    {
        var prefix = Subject("list");
        foreach (var name in new[] { "c", "a", "b" }) await RegisterAsync($"{prefix}-{name}", StringSchema);
        var all = await _client.GetAsync($"/subjects?subjectPrefix={prefix}").ExpectAsync(HttpStatusCode.OK);
        all.AsArray().Select(s => s!.GetValue<string>()).ShouldBe([$"{prefix}-a", $"{prefix}-b", $"{prefix}-c"]);
        var page = await _client.GetAsync($"/subjects?subjectPrefix={prefix}&offset=1&limit=1").ExpectAsync(HttpStatusCode.OK);
        page.AsArray().Select(s => s!.GetValue<string>()).ShouldBe([$"{prefix}-b"]);
    }

    [Fact]
    public async Task A_registration_without_schemaType_means_avro_and_is_answered_without_schemaType()
    {
        var subject = Subject();
        var registered = await _client.PostAsync($"/subjects/{subject}/versions",
            ConfluentBody(new { schema = """{ "type": "record", "name": "R", "namespace": "com.acme", "fields": [ { "type": "string", "name": "a" } ] }""" }))
            .ExpectAsync(HttpStatusCode.OK);
        var version = await _client.GetAsync($"/subjects/{subject}/versions/1").ExpectAsync(HttpStatusCode.OK);
        version["id"]!.GetValue<long>().ShouldBe(registered["id"]!.GetValue<long>());
        // Confluent 7.x omits schemaType for AVRO, and stores the canonical text.
        version.AsObject().ContainsKey("schemaType").ShouldBeFalse();
        version["schema"]!.GetValue<string>().ShouldBe("""{"type":"record","name":"R","namespace":"com.acme","fields":[{"name":"a","type":"string"}]}""");
        var byId = await _client.GetAsync($"/schemas/ids/{registered["id"]}").ExpectAsync(HttpStatusCode.OK);
        byId.AsObject().ContainsKey("schemaType").ShouldBeFalse();
    }

    [Fact]
    public async Task An_invalid_schema_is_42201_saying_where_and_changes_nothing()
    {
        var subject = Subject();
        var message = await _client.PostAsync($"/subjects/{subject}/versions", JsonSchema("""{"type":"object","properties":{"age":{"minimum":"ten"}}}"""))
            .ExpectErrorAsync(42201);
        message.ShouldContain("/properties/age/minimum");
        await _client.PostAsync($"/subjects/{subject}/versions", JsonSchema("{not json")).ExpectErrorAsync(42201);
        await _client.PostAsync($"/subjects/{subject}/versions", ConfluentBody(new { schemaType = "JSON" })).ExpectErrorAsync(42201);
        await _client.GetAsync($"/subjects/{subject}/versions").ExpectErrorAsync(40401);
    }

    [Fact]
    public async Task An_unknown_schema_type_is_42201()
    {
        var message = await _client.PostAsync($"/subjects/{Subject()}/versions", ConfluentBody(new { schemaType = "XML", schema = "<a/>" })).ExpectErrorAsync(42201);
        message.ShouldContain("XML");
    }

    [Fact]
    public async Task An_incompatible_schema_is_409_with_confluent_details()
    {
        var subject = Subject();
        await RegisterAsync(subject, """{"type":"object","properties":{"name":{"type":"string"}}}""");
        var message = await _client.PostAsync($"/subjects/{subject}/versions", JsonSchema("""{"type":"object","properties":{"name":{"type":"integer"}}}"""))
            .ExpectErrorAsync(409, $"Schema being registered is incompatible with an earlier schema for subject \"{subject}\"");
        message.ShouldContain("oldSchemaVersion: 1");
        message.ShouldContain("oldSchema:");
        message.ShouldContain("compatibility: 'BACKWARD'");
        (await _client.GetAsync($"/subjects/{subject}/versions").ExpectAsync(HttpStatusCode.OK)).AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task Transitive_levels_check_every_live_version()
    {
        var subject = Subject();
        await _client.PutAsync($"/config/{subject}", ConfluentBody(new { compatibility = "FORWARD_TRANSITIVE" })).ExpectAsync(HttpStatusCode.OK);
        // v1 allows any string; v2 narrows to short strings; v3 allows strings up to 20: readable by v1 but not by v2.
        await RegisterAsync(subject, """{"type":"string"}""");
        await RegisterAsync(subject, """{"type":"string","maxLength":10}""");
        var v3 = """{"type":"string","maxLength":20}""";
        var latest = await _client.PostAsync($"/compatibility/subjects/{subject}/versions/1", JsonSchema(v3)).ExpectAsync(HttpStatusCode.OK);
        latest["is_compatible"]!.GetValue<bool>().ShouldBeTrue();
        var all = await _client.PostAsync($"/compatibility/subjects/{subject}/versions?verbose=true", JsonSchema(v3)).ExpectAsync(HttpStatusCode.OK);
        all["is_compatible"]!.GetValue<bool>().ShouldBeFalse();
        all["messages"]!.AsArray().Count.ShouldBeGreaterThan(0);
        await _client.PostAsync($"/subjects/{subject}/versions", JsonSchema(v3)).ExpectErrorAsync(409, "compatibility: 'FORWARD_TRANSITIVE'");
    }

    [Fact]
    public async Task Explicit_version_must_be_the_next_one_outside_import()
    {
        var subject = Subject();
        await RegisterAsync(subject, StringSchema);
        await _client.PostAsync($"/subjects/{subject}/versions", ConfluentBody(new { schemaType = "JSON", schema = """{"type":"string","description":"second"}""", version = 5 }))
            .ExpectErrorAsync(42201, "Version is not one more than previous version");
        var ok = await _client.PostAsync($"/subjects/{subject}/versions", ConfluentBody(new { schemaType = "JSON", schema = """{"type":"string","description":"second"}""", version = 2 }))
            .ExpectAsync(HttpStatusCode.OK);
        ok["version"]!.GetValue<int>().ShouldBe(2);
    }

    [Fact]
    public async Task An_explicit_id_outside_import_mode_is_42205()
    {
        await _client.PostAsync($"/subjects/{Subject()}/versions", ConfluentBody(new { schemaType = "JSON", schema = StringSchema, id = 777 }))
            .ExpectErrorAsync(42205, "not in import mode");
    }

    [Fact]
    public async Task Normalize_makes_key_order_irrelevant()
    {
        var subject = Subject();
        var a = await _client.PostAsync($"/subjects/{subject}/versions?normalize=true", JsonSchema("""{"type":"object","properties":{"b":{"type":"string"},"a":{"type":"string"}}}""")).ExpectAsync(HttpStatusCode.OK);
        var b = await _client.PostAsync($"/subjects/{subject}/versions?normalize=true", JsonSchema("""{"properties":{"a":{"type":"string"},"b":{"type":"string"}},"type":"object"}""")).ExpectAsync(HttpStatusCode.OK);
        b["id"]!.GetValue<long>().ShouldBe(a["id"]!.GetValue<long>());
        b["version"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task Subjects_may_contain_encoded_slashes_and_other_characters()
    {
        var subject = $"team/{Guid.NewGuid():N}/chat.response value";
        var encoded = Uri.EscapeDataString(subject);
        await _client.PostAsync($"/subjects/{encoded}/versions", JsonSchema(StringSchema)).ExpectAsync(HttpStatusCode.OK);
        var version = await _client.GetAsync($"/subjects/{encoded}/versions/1").ExpectAsync(HttpStatusCode.OK);
        version["subject"]!.GetValue<string>().ShouldBe(subject);
        (await _client.GetAsync($"/subjects?subjectPrefix={Uri.EscapeDataString(subject)}").ExpectAsync(HttpStatusCode.OK))
            .AsArray().Select(s => s!.GetValue<string>()).ShouldBe([subject]);
    }
}
