using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Core.Formats;
using SchemaRegistry.Formats.JsonSchema.Diff;
using static SchemaRegistry.Formats.JsonSchema.Tests.Support.Schemas;

namespace SchemaRegistry.Formats.JsonSchema.Tests.Diff;

/// <summary>Every kind of the catalogue is produced by an example, at the expected path, with the catalogue's impact.</summary>
public sealed class DiffKindTests
{
    public static TheoryData<DiffKindCase> Cases() => [.. DiffKindCases.All()];

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_change_is_reported_with_its_kind_path_and_impact(DiffKindCase example)
    {
        var changes = Support.Schemas.Diff(example.Old, example.New);
        var impact = ChangeKinds.Info(example.Kind).Impact;
        changes.ShouldContain(c => c.Kind == example.Kind && c.Path == example.Path && c.Impact == impact,
            $"{example.Kind} at {example.Path} expected; got:\n{string.Join("\n", changes.Select(c => $"  {c.Impact} {c.Kind} {c.Path}: {c.Message}"))}");
        changes.ShouldAllBe(c => c.Message.Length > 0);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_impact_decides_backward_compatibility(DiffKindCase example)
    {
        var older = Parse(example.Old);
        var newer = Parse(example.New);
        var breaking = newer.DiffFrom(older).Any(c => c.Impact == ChangeImpact.Breaking);
        CompatibilityChecker.IsBackwardCompatible(newer, older).ShouldBe(!breaking);
        if (ChangeKinds.Info(example.Kind).Impact == ChangeImpact.Breaking) breaking.ShouldBeTrue();
    }

    [Fact]
    public void Every_catalogue_kind_has_an_example()
    {
        var covered = DiffKindCases.All().Select(c => c.Kind).Append(ChangeKinds.ComparisonTooComplex).ToHashSet();
        ChangeKinds.All.Select(k => k.Kind).Where(k => !covered.Contains(k)).ShouldBeEmpty();
    }

    [Fact]
    public void The_catalogue_has_unique_kinds_with_descriptions()
    {
        ChangeKinds.All.Select(k => k.Kind).ShouldBeUnique();
        ChangeKinds.All.ShouldAllBe(k => k.Description.Length > 10 && k.Family.Length > 0);
        Should.Throw<ArgumentException>(() => ChangeKinds.Info("NOT_A_KIND"));
    }

    [Fact]
    public void A_comparison_over_budget_is_refused_as_unproven()
    {
        // The branches differ in their titles: identical leaves are settled without comparing (and cost no budget).
        var older = Parse("""{"anyOf": [{"type": "string", "title": "a"}, {"type": "integer", "title": "a"}, {"type": "null", "title": "a"}]}""");
        var newer = Parse("""{"anyOf": [{"type": "null", "title": "b"}, {"type": "integer", "title": "b"}, {"type": "string", "title": "b"}]}""");
        var changes = SchemaDiff.Compare(older, newer, budget: 2);
        changes.ShouldContain(c => c.Kind == ChangeKinds.ComparisonTooComplex && c.Impact == ChangeImpact.Breaking);
        SchemaDiff.Compare(older, newer).ShouldNotContain(c => c.Impact != ChangeImpact.Annotation);
    }
}
