using SchemaRegistry.Core.Formats;
using SchemaRegistry.Core.Versions;

namespace SchemaRegistry.Core.Tests.Versions;

public class SemverPolicyTests
{
    private static readonly SchemaChange Breaking = new("TYPE_NARROWED", "/type", "narrowed", ChangeImpact.Breaking);
    private static readonly SchemaChange Addition = new("PROPERTY_ADDED", "/properties/x", "added", ChangeImpact.Compatible);
    private static readonly SchemaChange Note = new("DESCRIPTION_CHANGED", "/description", "doc", ChangeImpact.Annotation);

    [Fact]
    public void First_version_is_1_0_0() => SemverPolicy.Propose(null, [Breaking]).ToString().ShouldBe("1.0.0");

    [Fact]
    public void Proposes_major_minor_patch_from_the_diff()
    {
        var previous = SemanticVersion.Parse("1.4.2");
        SemverPolicy.Propose(previous, [Note, Addition, Breaking]).ToString().ShouldBe("2.0.0");
        SemverPolicy.Propose(previous, [Note, Addition]).ToString().ShouldBe("1.5.0");
        SemverPolicy.Propose(previous, [Note]).ToString().ShouldBe("1.4.3");
        SemverPolicy.Propose(previous, []).ToString().ShouldBe("1.4.3");
    }

    [Fact]
    public void An_explicit_version_that_moves_enough_is_accepted()
    {
        var previous = SemanticVersion.Parse("1.4.2");
        SemverPolicy.Contradiction(SemanticVersion.Parse("2.0.0"), previous, [Breaking]).ShouldBeNull();
        SemverPolicy.Contradiction(SemanticVersion.Parse("3.0.0"), previous, [Addition]).ShouldBeNull();
        SemverPolicy.Contradiction(SemanticVersion.Parse("1.6.0"), previous, [Addition]).ShouldBeNull();
        SemverPolicy.Contradiction(SemanticVersion.Parse("1.4.9"), previous, [Note]).ShouldBeNull();
    }

    [Fact]
    public void An_explicit_version_that_contradicts_the_diff_is_refused_with_a_reason()
    {
        var previous = SemanticVersion.Parse("1.4.2");
        var minorForBreaking = SemverPolicy.Contradiction(SemanticVersion.Parse("1.5.0"), previous, [Breaking]);
        minorForBreaking.ShouldNotBeNull();
        minorForBreaking.ShouldContain("TYPE_NARROWED");
        minorForBreaking.ShouldContain("2.0.0");
        SemverPolicy.Contradiction(SemanticVersion.Parse("1.4.3"), previous, [Addition]).ShouldNotBeNull().ShouldContain("1.5.0");
    }

    [Fact]
    public void An_explicit_version_must_move_forward() =>
        SemverPolicy.Contradiction(SemanticVersion.Parse("1.4.2"), SemanticVersion.Parse("1.4.2"), []).ShouldNotBeNull().ShouldContain("greater");
}
