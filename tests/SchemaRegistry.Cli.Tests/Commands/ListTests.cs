using System.Text.RegularExpressions;
using SchemaRegistry.Cli.Tests.Support;

namespace SchemaRegistry.Cli.Tests.Commands;

[Collection(RegistryCollection.Name)]
public sealed class ListTests(RegistryFixture registry)
{
    private async Task<string> RegisterThreeAsync()
    {
        var ns = $"list{Guid.NewGuid():N}";
        var file = registry.WriteFile("p.json", Schemas.Person);
        (await registry.RunAsync("register", $"{ns}.Alpha", file, "--tag", "billing", "--owner", "team-a")).ExitCode.ShouldBe(0);
        (await registry.RunAsync("register", $"{ns}.Beta", file, "--tag", "chat", "--description", "Chat turns")).ExitCode.ShouldBe(0);
        (await registry.RunAsync("register", $"{ns}.Gamma", file, "--draft")).ExitCode.ShouldBe(0);
        return ns;
    }

    [Fact]
    public async Task Lists_subjects_as_a_table()
    {
        var ns = await RegisterThreeAsync();
        var result = await registry.RunAsync("list", "--prefix", ns);
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Out.ShouldContain("Subject");
        result.Out.ShouldContain("Semver");
        Regex.IsMatch(result.Out, $@"│\s*{ns}\.Alpha\s*│\s*1\s*│\s*1\.0\.0\s*│\s*\d+\s*│\s*JSON\s*│\s*ACTIVE\s*│\s*team-a\s*│\s*billing\s*│")
            .ShouldBeTrue(result.Out);
        result.Out.ShouldContain("3 subjects.");
    }

    [Fact]
    public async Task Filters_by_namespace_tag_state_and_text()
    {
        var ns = await RegisterThreeAsync();
        (await registry.RunAsync("list", "--namespace", ns, "-o", "plain")).Lines.ShouldBe([$"{ns}.Alpha", $"{ns}.Beta", $"{ns}.Gamma"]);
        (await registry.RunAsync("list", "--prefix", ns, "--tag", "chat", "-o", "plain")).Lines.ShouldBe([$"{ns}.Beta"]);
        (await registry.RunAsync("list", "--prefix", ns, "--state", "draft", "-o", "plain")).Lines.ShouldBe([$"{ns}.Gamma"]);
        (await registry.RunAsync("list", "--prefix", ns, "--query", "chat turns", "-o", "plain")).Lines.ShouldBe([$"{ns}.Beta"]);
        (await registry.RunAsync("list", "--prefix", ns, "--format", "avro")).Out.ShouldContain("No subjects match.");
    }

    [Fact]
    public async Task Pages_with_limit_and_offset()
    {
        var ns = await RegisterThreeAsync();
        var first = await registry.RunAsync("list", "--prefix", ns, "--limit", "2");
        first.Out.ShouldContain("2 subjects from offset 0; more may follow: --offset 2.");
        var page = (await registry.RunAsync("list", "--prefix", ns, "--limit", "2", "--offset", "2", "-o", "json")).Json;
        page["items"]!.AsArray().Select(i => i!["subject"]!.GetValue<string>()).ShouldBe([$"{ns}.Gamma"]);
        page["offset"]!.GetValue<int>().ShouldBe(2);
    }
}
