using System.Net;
using SchemaRegistry.Server.Tests.Support;
using static SchemaRegistry.Server.Tests.Support.Http;

namespace SchemaRegistry.Server.Tests.Confluent;

/// <summary>/config and /mode. Each test gets its own registry: global settings are shared state.</summary>
public sealed class ConfigAndModeTests : IDisposable
{
    private readonly RegistryFactory _factory = new();
    private readonly HttpClient _client;

    public ConfigAndModeTests() => _client = _factory.CreateClient();

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [Fact]
    public async Task Global_config_defaults_to_backward_and_can_be_changed_and_reset()
    {
        (await _client.GetAsync("/config").ExpectAsync(HttpStatusCode.OK))["compatibilityLevel"]!.GetValue<string>().ShouldBe("BACKWARD");
        (await _client.PutAsync("/config", ConfluentBody(new { compatibility = "full_transitive" })).ExpectAsync(HttpStatusCode.OK))["compatibility"]!.GetValue<string>().ShouldBe("FULL_TRANSITIVE");
        (await _client.GetAsync("/config").ExpectAsync(HttpStatusCode.OK))["compatibilityLevel"]!.GetValue<string>().ShouldBe("FULL_TRANSITIVE");
        (await _client.DeleteAsync("/config").ExpectAsync(HttpStatusCode.OK))["compatibilityLevel"]!.GetValue<string>().ShouldBe("FULL_TRANSITIVE");
        (await _client.GetAsync("/config").ExpectAsync(HttpStatusCode.OK))["compatibilityLevel"]!.GetValue<string>().ShouldBe("BACKWARD");
    }

    [Fact]
    public async Task Subject_config_falls_back_only_when_asked()
    {
        var subject = Subject();
        await _client.GetAsync($"/config/{subject}").ExpectErrorAsync(40408, $"Subject '{subject}' does not have subject-level compatibility configured");
        (await _client.GetAsync($"/config/{subject}?defaultToGlobal=true").ExpectAsync(HttpStatusCode.OK))["compatibilityLevel"]!.GetValue<string>().ShouldBe("BACKWARD");
        await _client.PutAsync($"/config/{subject}", ConfluentBody(new { compatibility = "FORWARD" })).ExpectAsync(HttpStatusCode.OK);
        (await _client.GetAsync($"/config/{subject}").ExpectAsync(HttpStatusCode.OK))["compatibilityLevel"]!.GetValue<string>().ShouldBe("FORWARD");
        (await _client.DeleteAsync($"/config/{subject}").ExpectAsync(HttpStatusCode.OK))["compatibilityLevel"]!.GetValue<string>().ShouldBe("FORWARD");
        await _client.DeleteAsync($"/config/{subject}").ExpectErrorAsync(40401);
    }

    [Fact]
    public async Task An_invalid_level_is_42203_and_changes_nothing()
    {
        await _client.PutAsync("/config", ConfluentBody(new { compatibility = "SIDEWAYS" })).ExpectErrorAsync(42203, "Invalid compatibility level");
        (await _client.GetAsync("/config").ExpectAsync(HttpStatusCode.OK))["compatibilityLevel"]!.GetValue<string>().ShouldBe("BACKWARD");
    }

    [Fact]
    public async Task The_subject_level_wins_over_the_global_one()
    {
        var subject = Subject();
        await _client.PutAsync("/config", ConfluentBody(new { compatibility = "NONE" })).ExpectAsync(HttpStatusCode.OK);
        await _client.PutAsync($"/config/{subject}", ConfluentBody(new { compatibility = "BACKWARD" })).ExpectAsync(HttpStatusCode.OK);
        await _client.PostAsync($"/subjects/{subject}/versions", JsonSchema("""{"type":"string"}""")).ExpectAsync(HttpStatusCode.OK);
        await _client.PostAsync($"/subjects/{subject}/versions", JsonSchema("""{"type":"integer"}""")).ExpectErrorAsync(409);
        var other = Subject();
        await _client.PostAsync($"/subjects/{other}/versions", JsonSchema("""{"type":"string"}""")).ExpectAsync(HttpStatusCode.OK);
        await _client.PostAsync($"/subjects/{other}/versions", JsonSchema("""{"type":"integer"}""")).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Modes_default_to_readwrite_and_readonly_blocks_writes_but_not_reads()
    {
        var subject = Subject();
        (await _client.GetAsync("/mode").ExpectAsync(HttpStatusCode.OK))["mode"]!.GetValue<string>().ShouldBe("READWRITE");
        await _client.GetAsync($"/mode/{subject}").ExpectErrorAsync(40409);
        (await _client.GetAsync($"/mode/{subject}?defaultToGlobal=true").ExpectAsync(HttpStatusCode.OK))["mode"]!.GetValue<string>().ShouldBe("READWRITE");
        await _client.PostAsync($"/subjects/{subject}/versions", JsonSchema("""{"type":"string"}""")).ExpectAsync(HttpStatusCode.OK);

        await _client.PutAsync("/mode", ConfluentBody(new { mode = "READONLY" })).ExpectAsync(HttpStatusCode.OK);
        await _client.PostAsync($"/subjects/{subject}/versions", JsonSchema("""{"type":"string","description":"nine"}""")).ExpectErrorAsync(42205, "read-only");
        await _client.DeleteAsync($"/subjects/{subject}/versions/1").ExpectErrorAsync(42205);
        await _client.GetAsync($"/subjects/{subject}/versions/1").ExpectAsync(HttpStatusCode.OK);
        // Re-registering what the subject already has is a read: Confluent answers it in any mode.
        await _client.PostAsync($"/subjects/{subject}/versions", JsonSchema("""{"type":"string"}""")).ExpectAsync(HttpStatusCode.OK);

        // A subject-level READWRITE wins over a global READONLY...
        await _client.PutAsync($"/mode/{subject}", ConfluentBody(new { mode = "READWRITE" })).ExpectAsync(HttpStatusCode.OK);
        await _client.PostAsync($"/subjects/{subject}/versions", JsonSchema("""{"type":"string","description":"nine"}""")).ExpectAsync(HttpStatusCode.OK);
        // ...but not over a global READONLY_OVERRIDE.
        await _client.PutAsync("/mode", ConfluentBody(new { mode = "READONLY_OVERRIDE" })).ExpectAsync(HttpStatusCode.OK);
        (await _client.GetAsync($"/mode/{subject}").ExpectAsync(HttpStatusCode.OK))["mode"]!.GetValue<string>().ShouldBe("READWRITE");
        await _client.PostAsync($"/subjects/{subject}/versions", JsonSchema("""{"type":"string","description":"eight"}""")).ExpectErrorAsync(42205);
        (await _client.DeleteAsync($"/mode/{subject}").ExpectAsync(HttpStatusCode.OK))["mode"]!.GetValue<string>().ShouldBe("READWRITE");
        await _client.DeleteAsync($"/mode/{subject}").ExpectErrorAsync(40401);
    }

    [Fact]
    public async Task An_invalid_mode_is_42204() =>
        await _client.PutAsync("/mode", ConfluentBody(new { mode = "SOMETIMES" })).ExpectErrorAsync(42204, "Invalid mode");

    [Fact]
    public async Task Import_mode_takes_ids_and_versions_and_refuses_conflicts()
    {
        var live = Subject();
        await _client.PostAsync($"/subjects/{live}/versions", JsonSchema("""{"type":"string"}""")).ExpectAsync(HttpStatusCode.OK);
        await _client.PutAsync("/mode", ConfluentBody(new { mode = "IMPORT" })).ExpectErrorAsync(42205, "Cannot import since found existing subjects");
        await _client.PutAsync("/mode?force=true", ConfluentBody(new { mode = "IMPORT" })).ExpectAsync(HttpStatusCode.OK);

        var subject = Subject("import");
        await _client.PostAsync($"/subjects/{subject}/versions", JsonSchema("""{"type":"number"}""")).ExpectErrorAsync(42205, "not in read-write mode");
        var imported = await _client.PostAsync($"/subjects/{subject}/versions", ConfluentBody(new { schemaType = "JSON", schema = """{"type":"number"}""", id = 5000, version = 7 })).ExpectAsync(HttpStatusCode.OK);
        imported["id"]!.GetValue<long>().ShouldBe(5000);
        (await _client.GetAsync($"/subjects/{subject}/versions/7").ExpectAsync(HttpStatusCode.OK))["id"]!.GetValue<long>().ShouldBe(5000);
        // Compatibility is not checked while importing.
        await _client.PostAsync($"/subjects/{subject}/versions", ConfluentBody(new { schemaType = "JSON", schema = """{"type":"boolean"}""", id = 5001, version = 3 })).ExpectAsync(HttpStatusCode.OK);
        (await _client.GetAsync($"/subjects/{subject}/versions/latest").ExpectAsync(HttpStatusCode.OK))["version"]!.GetValue<int>().ShouldBe(7);
        // Another schema may not take an id in use.
        await _client.PostAsync($"/subjects/{Subject()}/versions", ConfluentBody(new { schemaType = "JSON", schema = """{"type":"null"}""", id = 5000 })).ExpectErrorAsync(42205);
        // The same schema may keep its id in another subject.
        var copy = await _client.PostAsync($"/subjects/{Subject()}/versions", ConfluentBody(new { schemaType = "JSON", schema = """{"type":"number"}""", id = 5000 })).ExpectAsync(HttpStatusCode.OK);
        copy["id"]!.GetValue<long>().ShouldBe(5000);

        await _client.PutAsync("/mode", ConfluentBody(new { mode = "READWRITE" })).ExpectAsync(HttpStatusCode.OK);
        var next = await _client.PostAsync($"/subjects/{Subject()}/versions", JsonSchema("""{"type":"array"}""")).ExpectAsync(HttpStatusCode.OK);
        next["id"]!.GetValue<long>().ShouldBeGreaterThan(5001);
    }
}
