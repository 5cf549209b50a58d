using System.Net;
using System.Text.Json.Nodes;
using SchemaRegistry.Server.Tests.Support;
using static SchemaRegistry.Server.Tests.Support.Http;

namespace SchemaRegistry.Server.Tests.Avro;

/// <summary>Avro through both APIs: registration, refusals, references, normalization, compatibility, semver, validation.</summary>
public sealed class AvroApiTests(RegistryFixture registry) : IClassFixture<RegistryFixture>
{
    private readonly HttpClient _client = registry.Client;

    private const string User = """{"type":"record","name":"User","namespace":"com.acme","fields":[{"name":"name","type":"string"}]}""";
    private const string UserWithAge = """{"type":"record","name":"User","namespace":"com.acme","fields":[{"name":"name","type":"string"},{"name":"age","type":"int"}]}""";
    private const string UserWithOptionalAge = """{"type":"record","name":"User","namespace":"com.acme","fields":[{"name":"name","type":"string"},{"name":"age","type":["null","int"],"default":null}]}""";

    private static StringContent Avro(string schema, object[]? references = null) =>
        ConfluentBody(references is null ? new { schemaType = "AVRO", schema } : new { schemaType = "AVRO", schema, references });

    private async Task<long> RegisterAsync(string subject, string schema, object[]? references = null, string query = "") =>
        (await _client.PostAsync($"/subjects/{subject}/versions{query}", Avro(schema, references)).ExpectAsync(HttpStatusCode.OK))["id"]!.GetValue<long>();

    [Fact]
    public async Task An_invalid_avro_schema_is_42201_saying_where()
    {
        var subject = Subject("avro-bad");
        var message = await _client.PostAsync($"/subjects/{subject}/versions", Avro("""{"type":"record","name":"R","fields":[{"name":"a","type":"str"}]}"""))
            .ExpectErrorAsync(42201, "/fields/0/type");
        message.ShouldContain("\"str\" is not a defined name");
        await _client.PostAsync($"/subjects/{subject}/versions", Avro("""{"type":"record","name":"R","fields":[{"name":"s","type":"string","default":null}]}"""))
            .ExpectErrorAsync(42201, "Invalid default for field s");
        // The compatibility endpoint refuses it the same way.
        await _client.PostAsync($"/compatibility/subjects/{subject}/versions/latest", Avro("""{"type":"enum","name":"E","symbols":["A","A"]}"""))
            .ExpectErrorAsync(42201, "Duplicate enum symbol");
        await _client.GetAsync($"/subjects/{subject}/versions").ExpectErrorAsync(40401);
    }

    [Fact]
    public async Task An_incompatible_evolution_is_409_with_avro_error_types()
    {
        var subject = Subject("avro-409");
        await RegisterAsync(subject, User);
        var message = await _client.PostAsync($"/subjects/{subject}/versions", Avro(UserWithAge)).ExpectErrorAsync(409);
        message.ShouldContain("READER_FIELD_MISSING_DEFAULT_VALUE");
        message.ShouldContain("/fields/1");
        message.ShouldContain("oldSchemaVersion: 1");
        var verbose = await _client.PostAsync($"/compatibility/subjects/{subject}/versions/latest?verbose=true", Avro(UserWithAge)).ExpectAsync(HttpStatusCode.OK);
        verbose["is_compatible"]!.GetValue<bool>().ShouldBeFalse();
        verbose["messages"]!.AsArray().ShouldContain(m => m!.GetValue<string>().Contains("READER_FIELD_MISSING_DEFAULT_VALUE"));
        // With a default the same evolution is compatible, and registers as version 2.
        await RegisterAsync(subject, UserWithOptionalAge);
        (await _client.GetAsync($"/subjects/{subject}/versions").ExpectAsync(HttpStatusCode.OK)).AsArray().Count.ShouldBe(2);
    }

    [Fact]
    public async Task References_name_types_of_other_subjects()
    {
        var addressSubject = Subject("avro-address");
        await RegisterAsync(addressSubject, """{"type":"record","name":"Address","namespace":"com.acme","fields":[{"name":"city","type":"string"}]}""");
        var person = """{"type":"record","name":"Person","namespace":"com.acme","fields":[{"name":"home","type":"Address"}]}""";
        var references = new object[] { new { name = "com.acme.Address", subject = addressSubject, version = 1 } };
        var subject = Subject("avro-person");
        var id = await RegisterAsync(subject, person, references);

        var byId = await _client.GetAsync($"/schemas/ids/{id}").ExpectAsync(HttpStatusCode.OK);
        byId["schema"]!.GetValue<string>().ShouldBe(person);
        byId["references"]!.AsArray().ShouldHaveSingleItem()!["subject"]!.GetValue<string>().ShouldBe(addressSubject);
        (await _client.GetAsync($"/subjects/{addressSubject}/versions/1/referencedby").ExpectAsync(HttpStatusCode.OK)).AsArray()
            .Select(i => i!.GetValue<long>()).ShouldBe([id]);
        await _client.PostAsync($"/subjects/{Subject()}/versions", Avro(person)).ExpectErrorAsync(42201, "\"Address\" is not a defined name");
        await _client.DeleteAsync($"/subjects/{addressSubject}/versions/1").ExpectErrorAsync(42206);
    }

    [Fact]
    public async Task Normalize_collapses_property_order_and_canonical_collapses_whitespace()
    {
        var subject = Subject("avro-normalize");
        var first = await RegisterAsync(subject, """{"type":"record","name":"R","fields":[{"name":"a","type":"int"}],"owner":{"team":"x","tier":1}}""", query: "?normalize=true");
        var reordered = await RegisterAsync(subject, """{"fields":[{"type":"int","name":"a"}],"owner":{"tier":1,"team":"x"},"name":"R","type":"record"}""", query: "?normalize=true");
        reordered.ShouldBe(first);
        var stored = await _client.GetStringAsync($"/schemas/ids/{first}/schema");
        stored.ShouldBe("""{"name":"R","type":"record","fields":[{"name":"a","type":"int"}],"owner":{"team":"x","tier":1}}""");

        var plain = Subject("avro-canonical");
        var spaced = await RegisterAsync(plain, "{ \"type\" :   \"string\" }");
        (await RegisterAsync(plain, "\"string\"")).ShouldBe(spaced);
        (await _client.GetStringAsync($"/schemas/ids/{spaced}/schema")).ShouldBe("\"string\"");
    }

    [Fact]
    public async Task The_native_api_proposes_semver_and_reports_every_level_from_the_avro_diff()
    {
        var subject = Subject("avro-native");
        var v1 = await _client.PostAsync("/api/v1/schemas", JsonBody(new { subject, schemaType = "AVRO", schema = JsonNode.Parse(User) })).ExpectAsync(HttpStatusCode.Created);
        v1["semver"]!.GetValue<string>().ShouldBe("1.0.0");
        var v2 = await _client.PostAsync("/api/v1/schemas", JsonBody(new { subject, schemaType = "AVRO", schema = UserWithOptionalAge })).ExpectAsync(HttpStatusCode.Created);
        v2["semver"]!.GetValue<string>().ShouldBe("1.1.0");
        v2["changes"]!.AsArray().ShouldContain(c => c!["kind"]!.GetValue<string>() == "FIELD_ADDED_WITH_DEFAULT" && c["path"]!.GetValue<string>() == "/fields/1");

        var report = await _client.PostAsync($"/api/v1/compatibility/subjects/{subject}",
            JsonBody(new { schemaType = "AVRO", schema = UserWithAge.Replace("\"name\",\"type\":\"string\"", "\"name\",\"type\":\"bytes\"", StringComparison.Ordinal) }))
            .ExpectAsync(HttpStatusCode.OK);
        report["compatible"]!.GetValue<bool>().ShouldBeFalse();
        report["proposedSemver"]!.GetValue<string>().ShouldBe("2.0.0");
        report["verdicts"]!["BACKWARD"]!.GetValue<bool>().ShouldBeFalse();
        report["verdicts"]!["FORWARD"]!.GetValue<bool>().ShouldBeTrue();
        report["violations"]!.AsArray().ShouldContain(v => v!["kind"]!.GetValue<string>() == "TYPE_MISMATCH" && v["path"]!.GetValue<string>() == "/fields/1/type");
        report["changes"]!.AsArray().ShouldContain(c => c!["kind"]!.GetValue<string>() == "TYPE_PROMOTED" && c["impact"]!.GetValue<string>() == "COMPATIBLE");

        var diff = await _client.GetAsync($"/api/v1/subjects/{subject}/diff?from=1&to=2").ExpectAsync(HttpStatusCode.OK);
        diff["bump"]!.GetValue<string>().ShouldBe("MINOR");
    }

    [Fact]
    public async Task Data_in_avro_json_encoding_is_validated_by_schema_id()
    {
        var id = await RegisterAsync(Subject("avro-validate"), UserWithOptionalAge);
        var ok = await _client.PostAsync($"/api/v1/validate/{id}", Raw("""{"name":"Ada","age":{"int":36}}""")).ExpectAsync(HttpStatusCode.OK);
        ok["valid"]!.GetValue<bool>().ShouldBeTrue();
        var bad = await _client.PostAsync($"/api/v1/validate/{id}", Raw("""{"name":"Ada","age":36}""")).ExpectAsync(HttpStatusCode.OK);
        bad["valid"]!.GetValue<bool>().ShouldBeFalse();
        var error = bad["errors"]!.AsArray().ShouldHaveSingleItem()!;
        error["instancePath"]!.GetValue<string>().ShouldBe("/age");
        error["schemaPath"]!.GetValue<string>().ShouldBe("/fields/1/type");
        error["keyword"]!.GetValue<string>().ShouldBe("union");
        var batch = await _client.PostAsync($"/api/v1/validate/{id}/batch", Raw("""[{"name":"a","age":null},{"age":null}]""")).ExpectAsync(HttpStatusCode.OK);
        batch["valid"]!.GetValue<int>().ShouldBe(1);
        batch["invalid"]!.GetValue<int>().ShouldBe(1);
        var byId = await _client.GetAsync($"/api/v1/schemas/{id}").ExpectAsync(HttpStatusCode.OK);
        byId.ToJsonString().ShouldContain("avro-json");
    }
}
