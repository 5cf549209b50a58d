using SchemaRegistry.Core.Versions;

namespace SchemaRegistry.Core.Tests.Versions;

public class SemanticVersionTests
{
    [Theory]
    [InlineData("1.4.0", 1, 4, 0, null)]
    [InlineData("v2.0.0", 2, 0, 0, null)]
    [InlineData("0.0.1-rc.1", 0, 0, 1, "rc.1")]
    [InlineData("1.0.0+build.7", 1, 0, 0, null)]
    [InlineData("1.0.0-alpha-2.x+exp.sha.5114f85", 1, 0, 0, "alpha-2.x")]
    public void Parses_valid_versions(string text, int major, int minor, int patch, string? prerelease)
    {
        SemanticVersion.TryParse(text, out var v).ShouldBeTrue();
        v.Major.ShouldBe(major);
        v.Minor.ShouldBe(minor);
        v.Patch.ShouldBe(patch);
        v.Prerelease.ShouldBe(prerelease);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("1.2")]
    [InlineData("1.2.3.4")]
    [InlineData("01.2.3")]
    [InlineData("1.2.3-")]
    [InlineData("1.2.3-01")]
    [InlineData("1.2.x")]
    [InlineData("-1.2.3")]
    [InlineData("1.2.3+")]
    public void Refuses_invalid_versions(string text) => SemanticVersion.TryParse(text, out _).ShouldBeFalse();

    [Fact]
    public void Orders_by_precedence_with_prerelease_before_release()
    {
        // The ordering example of semver.org section 11.
        string[] ordered = ["1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.1.0", "2.0.0"];
        var parsed = ordered.Select(SemanticVersion.Parse).ToList();
        for (var i = 0; i + 1 < parsed.Count; i++)
            parsed[i].ShouldBeLessThan(parsed[i + 1], $"{ordered[i]} < {ordered[i + 1]}");
    }

    [Fact]
    public void Build_metadata_is_ignored_in_equality() =>
        SemanticVersion.Parse("1.2.3+a").ShouldBe(SemanticVersion.Parse("1.2.3+b"));

    [Theory]
    [InlineData("1.4.2", VersionBump.Major, "2.0.0")]
    [InlineData("1.4.2", VersionBump.Minor, "1.5.0")]
    [InlineData("1.4.2", VersionBump.Patch, "1.4.3")]
    [InlineData("1.4.2-rc.1", VersionBump.Patch, "1.4.3")]
    public void Bumps_reset_lower_parts(string from, VersionBump bump, string expected) =>
        SemanticVersion.Parse(from).Bump(bump).ToString().ShouldBe(expected);
}
