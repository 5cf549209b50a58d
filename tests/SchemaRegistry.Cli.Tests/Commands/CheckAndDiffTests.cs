using System.Text.RegularExpressions;
using SchemaRegistry.Cli.Tests.Support;

namespace SchemaRegistry.Cli.Tests.Commands;

[Collection(RegistryCollection.Name)]
public sealed class CheckAndDiffTests(RegistryFixture registry)
{
    private async Task<string> SubjectWithPersonAsync()
    {
        var subject = RegistryFixture.Subject();
        (await registry.RunAsync("register", subject, registry.WriteFile("p.json", Schemas.Person))).ExitCode.ShouldBe(0);
        return subject;
    }

    [Fact]
    public async Task Check_of_a_compatible_schema_exits_0_with_the_proposed_semver()
    {
        var subject = await SubjectWithPersonAsync();
        var result = await registry.RunAsync("check", subject, registry.WriteFile("next.json", Schemas.PersonWithEmail));
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Out.ShouldContain($"Compatible with {subject} at BACKWARD (latest: version 1). Proposed semver: 1.1.0.");
        Regex.IsMatch(result.Out, @"│\s*BACKWARD \(subject's level\)\s*│\s*compatible\s*│").ShouldBeTrue(result.Out);
        result.Out.ShouldContain("/properties/email");
        // Nothing was registered.
        (await registry.RunAsync("get", subject, "-o", "json")).Json["version"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task Check_of_a_breaking_schema_exits_1_with_the_violations()
    {
        var subject = await SubjectWithPersonAsync();
        var file = registry.WriteFile("breaking.json", Schemas.PersonRequiringEmail);
        var result = await registry.RunAsync("check", subject, file);
        result.ExitCode.ShouldBe(1, result.ToString());
        result.Out.ShouldContain($"NOT compatible with {subject} at BACKWARD");
        result.Out.ShouldContain("Proposed semver: 2.0.0.");
        result.Out.ShouldContain("Violations at BACKWARD:");
        Regex.IsMatch(result.Out, @"│\s*version 1\s*│\s*BACKWARD\s*│").ShouldBeTrue(result.Out);

        var json = await registry.RunAsync("check", subject, file, "--output", "json");
        json.ExitCode.ShouldBe(1);
        var report = json.Json;
        report["compatible"]!.GetValue<bool>().ShouldBeFalse();
        report["verdicts"]!["NONE"]!.GetValue<bool>().ShouldBeTrue();
        report["verdicts"]!["BACKWARD"]!.GetValue<bool>().ShouldBeFalse();
        report["verdicts"]!["FULL"]!.GetValue<bool>().ShouldBeFalse(); // old data lacks email; the old, closed schema refuses new data that has it
        report["violations"]!.AsArray().Count.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Check_against_a_new_subject_says_it_would_be_the_first_version()
    {
        var subject = RegistryFixture.Subject();
        var result = await registry.RunAsync("check", subject, registry.WriteFile("p.json", Schemas.Person));
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Out.ShouldContain("has no versions yet: this schema would be its first (semver 1.0.0).");
    }

    [Fact]
    public async Task Diff_prints_the_changes_and_the_bump()
    {
        var subject = await SubjectWithPersonAsync();
        await registry.RunAsync("register", subject, registry.WriteFile("p2.json", Schemas.PersonWithEmail));

        var result = await registry.RunAsync("diff", subject, "1", "2");
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Out.ShouldContain($"{subject} version 1 (1.0.0, schema id");
        result.Out.ShouldContain($"-> {subject} version 2 (1.1.0, schema id");
        result.Out.ShouldContain("Bump:                MINOR");
        result.Out.ShouldContain("Backward compatible: yes");
        Regex.IsMatch(result.Out, @"│\s*COMPATIBLE\s*│[^│]*│\s*/properties/email\s*│").ShouldBeTrue(result.Out);

        // The reverse diff swaps the directions; "to" defaults to latest.
        var reverse = (await registry.RunAsync("diff", subject, "2", "1", "-o", "json")).Json;
        reverse["from"]!["version"]!.GetValue<int>().ShouldBe(2);
        reverse["forwardCompatible"]!.GetValue<bool>().ShouldBeTrue();
        (await registry.RunAsync("diff", subject, "1", "-o", "json")).Json["to"]!["version"]!.GetValue<int>().ShouldBe(2);
    }

    [Fact]
    public async Task Diff_across_subjects()
    {
        var a = await SubjectWithPersonAsync();
        var b = RegistryFixture.Subject();
        await registry.RunAsync("register", b, registry.WriteFile("p3.json", Schemas.PersonRequiringEmail));
        var diff = (await registry.RunAsync("diff", a, "1", "--to-subject", b, "--output", "json")).Json;
        diff["to"]!["subject"]!.GetValue<string>().ShouldBe(b);
        diff["bump"]!.GetValue<string>().ShouldBe("MAJOR");
        diff["changes"]!.AsArray().ShouldContain(c => c!["impact"]!.GetValue<string>() == "BREAKING");
    }
}
