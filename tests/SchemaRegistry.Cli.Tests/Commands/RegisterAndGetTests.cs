using System.Text.RegularExpressions;
using SchemaRegistry.Cli.Tests.Support;

namespace SchemaRegistry.Cli.Tests.Commands;

[Collection(RegistryCollection.Name)]
public sealed class RegisterAndGetTests(RegistryFixture registry)
{
    [Fact]
    public async Task Register_prints_id_version_semver_and_the_changes()
    {
        var subject = RegistryFixture.Subject();
        var first = await registry.RunAsync("register", subject, registry.WriteFile("person.json", Schemas.Person));
        first.ExitCode.ShouldBe(0, first.ToString());
        var match = Regex.Match(first.Out, $@"Registered {subject} version 1 \(semver 1\.0\.0, schema id (\d+)\)\.");
        match.Success.ShouldBeTrue(first.ToString());

        var second = await registry.RunAsync("register", subject, registry.WriteFile("person2.json", Schemas.PersonWithEmail));
        second.ExitCode.ShouldBe(0, second.ToString());
        second.Out.ShouldContain($"Registered {subject} version 2 (semver 1.1.0");
        second.Out.ShouldContain("Changes from the previous version:");
        second.Out.ShouldContain("/properties/email");
        second.Out.ShouldContain("COMPATIBLE");

        var again = await registry.RunAsync("register", subject, registry.WriteFile("person2.json", Schemas.PersonWithEmail));
        again.ExitCode.ShouldBe(0, again.ToString());
        again.Out.ShouldContain("already has this schema as version 2");
    }

    [Fact]
    public async Task Register_sends_metadata_draft_state_and_answers_json()
    {
        var subject = RegistryFixture.Subject();
        var result = await registry.RunAsync("register", subject, registry.WriteFile("p.json", Schemas.Person),
            "--description", "A person", "--owner", "team-people", "--tag", "pii", "--tag", "core", "--draft", "--semver", "2.0.0",
            "--output", "json");
        result.ExitCode.ShouldBe(0, result.ToString());
        var answer = result.Json;
        answer["subject"]!.GetValue<string>().ShouldBe(subject);
        answer["version"]!.GetValue<int>().ShouldBe(1);
        answer["semver"]!.GetValue<string>().ShouldBe("2.0.0");
        answer["created"]!.GetValue<bool>().ShouldBeTrue();

        var version = (await registry.RunAsync("get", subject, "1", "-o", "json")).Json;
        version["state"]!.GetValue<string>().ShouldBe("DRAFT");
        version["description"]!.GetValue<string>().ShouldBe("A person");
        version["owner"]!.GetValue<string>().ShouldBe("team-people");
        version["tags"]!.AsArray().Select(t => t!.GetValue<string>()).ShouldBe(["pii", "core"]);
    }

    [Fact]
    public async Task Register_with_a_reference_pins_the_referenced_version()
    {
        var address = RegistryFixture.Subject("address");
        (await registry.RunAsync("register", address, registry.WriteFile("address.json", """{"type":"object","properties":{"city":{"type":"string"}}}""")))
            .ExitCode.ShouldBe(0);
        var person = RegistryFixture.Subject("person");
        var schema = """{"type":"object","properties":{"home":{"$ref":"address.json"}}}""";
        var result = await registry.RunAsync("register", person, registry.WriteFile("person.json", schema), "--reference", $"address.json={address}:1");
        result.ExitCode.ShouldBe(0, result.ToString());

        var got = await registry.RunAsync("get", person);
        got.Out.ShouldContain($"References:  address.json={address}:1");
    }

    [Fact]
    public async Task Get_reads_latest_integer_and_semver_versions()
    {
        var subject = RegistryFixture.Subject();
        await registry.RunAsync("register", subject, registry.WriteFile("a.json", Schemas.Person));
        await registry.RunAsync("register", subject, registry.WriteFile("b.json", Schemas.PersonWithEmail));

        var latest = await registry.RunAsync("get", subject);
        latest.ExitCode.ShouldBe(0, latest.ToString());
        latest.Out.ShouldContain($"Subject:     {subject}");
        latest.Out.ShouldContain("Version:     2");
        latest.Out.ShouldContain("Semver:      1.1.0");
        latest.Out.ShouldContain("State:       ACTIVE");
        latest.Out.ShouldContain("\"email\": {"); // the schema, indented for reading

        var bySemver = await registry.RunAsync("get", subject, "1.0.0", "--output", "json");
        bySemver.Json["version"]!.GetValue<int>().ShouldBe(1);
        var byNumber = await registry.RunAsync("get", subject, "2", "--output", "json");
        byNumber.Json["semver"]!.GetValue<string>().ShouldBe("1.1.0");
    }

    [Fact]
    public async Task Get_schema_only_prints_exactly_the_registered_text()
    {
        var subject = RegistryFixture.Subject();
        await registry.RunAsync("register", subject, registry.WriteFile("a.json", Schemas.Person));
        var stored = (await registry.RunAsync("get", subject, "-o", "json")).Json["schema"]!.GetValue<string>();

        var result = await registry.RunAsync("get", subject, "latest", "--schema-only");
        result.ExitCode.ShouldBe(0);
        result.Out.ShouldBe(stored + Environment.NewLine);
    }

    [Fact]
    public async Task Get_by_id_shows_where_the_schema_is_used()
    {
        var subject = RegistryFixture.Subject();
        var schema = $$"""{"type":"string","$comment":"{{subject}}"}""";
        var id = (await registry.RunAsync("register", subject, registry.WriteFile("s.json", schema), "-o", "json")).Json["id"]!.GetValue<long>();

        var result = await registry.RunAsync("get", "--id", id.ToString());
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Out.ShouldContain($"Schema id:   {id}");
        result.Out.ShouldContain($"Used by:     {subject} v1");

        var json = await registry.RunAsync("get", "--id", id.ToString(), "--output", "json");
        json.Json["usedBy"]!.AsArray().Single()!["subject"]!.GetValue<string>().ShouldBe(subject);
        (await registry.RunAsync("get", "--id", id.ToString(), "--schema-only")).Out.ShouldContain(subject);
    }

    [Fact]
    public async Task Register_reads_the_schema_from_standard_input()
    {
        var subject = RegistryFixture.Subject();
        var result = await registry.RunWithInputAsync(Schemas.Person, "register", subject, "-", "-o", "plain");
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Lines[0].Split('\t')[1..].ShouldBe(["1", "1.0.0", "created"]);
    }
}
