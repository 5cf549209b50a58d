using System.Text.RegularExpressions;
using SchemaRegistry.Cli.Tests.Support;

namespace SchemaRegistry.Cli.Tests.Commands;

/// <summary>The CLI with Avro schemas, end to end against the in-process server: register, check, diff, validate.</summary>
[Collection(RegistryCollection.Name)]
public sealed class AvroTests(RegistryFixture registry)
{
    private const string Turn = """
        {"type": "record", "name": "Turn", "namespace": "llm.chat",
         "fields": [{"name": "role", "type": {"type": "enum", "name": "Role", "symbols": ["user", "assistant"]}},
                    {"name": "content", "type": "string"}]}
        """;

    private const string TurnWithTokens = """
        {"type": "record", "name": "Turn", "namespace": "llm.chat",
         "fields": [{"name": "role", "type": {"type": "enum", "name": "Role", "symbols": ["user", "assistant"]}},
                    {"name": "content", "type": "string"},
                    {"name": "tokens", "type": ["null", "int"], "default": null}]}
        """;

    private const string TurnWithRequiredModel = """
        {"type": "record", "name": "Turn", "namespace": "llm.chat",
         "fields": [{"name": "role", "type": {"type": "enum", "name": "Role", "symbols": ["user"]}},
                    {"name": "content", "type": "string"},
                    {"name": "model", "type": "string"}]}
        """;

    [Fact]
    public async Task Register_check_diff_and_validate_an_avro_schema()
    {
        var subject = RegistryFixture.Subject();
        var register = await registry.RunAsync("register", subject, registry.WriteFile("turn.avsc", Turn), "--type", "AVRO", "-o", "json");
        register.ExitCode.ShouldBe(0, register.ToString());
        register.Json["version"]!.GetValue<int>().ShouldBe(1);
        register.Json["semver"]!.GetValue<string>().ShouldBe("1.0.0");
        var stored = await registry.RunAsync("get", subject, "-o", "json");
        stored.Json["schemaType"]!.GetValue<string>().ShouldBe("AVRO");

        // A field with a default: compatible, a minor bump.
        var compatible = await registry.RunAsync("check", subject, registry.WriteFile("turn2.avsc", TurnWithTokens), "--type", "AVRO");
        compatible.ExitCode.ShouldBe(0, compatible.ToString());
        compatible.Out.ShouldContain($"Compatible with {subject} at BACKWARD (latest: version 1). Proposed semver: 1.1.0.");
        compatible.Out.ShouldContain("FIELD_ADDED_WITH_DEFAULT");

        // A required field and a lost enum symbol break BACKWARD, with Avro's error types; the old schema still reads
        // the new data (it skips the new field, and every new symbol is an old one), so FORWARD holds.
        var breaking = await registry.RunAsync("check", subject, registry.WriteFile("turn3.avsc", TurnWithRequiredModel), "--type", "AVRO", "-o", "json");
        breaking.ExitCode.ShouldBe(1, breaking.ToString());
        breaking.Json["proposedSemver"]!.GetValue<string>().ShouldBe("2.0.0");
        breaking.Json["verdicts"]!["BACKWARD"]!.GetValue<bool>().ShouldBeFalse();
        breaking.Json["verdicts"]!["FORWARD"]!.GetValue<bool>().ShouldBeTrue();
        var kinds = breaking.Json["violations"]!.AsArray().Select(v => v!["kind"]!.GetValue<string>()).ToList();
        kinds.ShouldContain("READER_FIELD_MISSING_DEFAULT_VALUE");
        kinds.ShouldContain("MISSING_ENUM_SYMBOLS");

        (await registry.RunAsync("register", subject, registry.WriteFile("turn2b.avsc", TurnWithTokens), "-t", "avro")).ExitCode.ShouldBe(0);
        var diff = await registry.RunAsync("diff", subject, "1", "2");
        diff.ExitCode.ShouldBe(0, diff.ToString());
        diff.Out.ShouldContain("Bump:                MINOR");
        Regex.IsMatch(diff.Out, @"│\s*COMPATIBLE\s*│[^│]*│\s*/fields/2\s*│").ShouldBeTrue(diff.Out);

        var data = registry.WriteFile("turns.ndjson", """
            {"role": "user", "content": "hi", "tokens": {"int": 2}}
            {"role": "robot", "content": "hi", "tokens": null}
            """);
        var validate = await registry.RunAsync("validate", subject, data, "-o", "json");
        validate.ExitCode.ShouldBe(1, validate.ToString());
        validate.Out.ShouldContain("/role");
    }

    [Fact]
    public async Task An_invalid_avro_schema_is_refused_with_where()
    {
        var result = await registry.RunAsync("register", RegistryFixture.Subject(), registry.WriteFile("bad.avsc", """{"type":"record","name":"R","fields":[{"name":"a","type":"str"}]}"""), "--type", "AVRO");
        result.ExitCode.ShouldNotBe(0);
        (result.Out + result.Error).ShouldContain("/fields/0/type");
    }
}
