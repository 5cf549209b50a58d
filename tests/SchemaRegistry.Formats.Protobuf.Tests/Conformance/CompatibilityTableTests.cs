using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Core.Formats;
using SchemaRegistry.Formats.Protobuf.Tests.Support;
using SchemaRegistry.Testing;

namespace SchemaRegistry.Formats.Protobuf.Tests.Conformance;

/// <summary>The conformance table (ProtobufCompatibilityCases), run through the plug-in.</summary>
public class CompatibilityTableTests
{
    public static TheoryData<int> Cases() => new(ProtobufCompatibilityCases.All.Select(c => c.Id));

    internal static (ParsedProtobufSchema Old, ParsedProtobufSchema New) Load(ProtobufCompatibilityCase c)
    {
        ResolvedReference[] Refs(string? text, int version) => text is null ? [] : [Protos.Reference("home.proto", text, version)];
        return (Protos.Parse(c.Old, references: Refs(c.OldImport, 1)), Protos.Parse(c.New, references: Refs(c.NewImport, 2)));
    }

    [Fact]
    public void The_table_has_at_least_forty_cases_with_unique_ids()
    {
        ProtobufCompatibilityCases.All.Count.ShouldBeGreaterThanOrEqualTo(40);
        ProtobufCompatibilityCases.All.Select(c => c.Id).ShouldBeUnique();
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_reports_the_expected_changes_and_verdict(int id)
    {
        var c = ProtobufCompatibilityCases.All.Single(x => x.Id == id);
        var (old, updated) = Load(c);
        var changes = updated.DiffFrom(old);
        changes.Select(x => x.Kind).Distinct().Order().ShouldBe(c.Kinds.Distinct().Order(), $"{c}: {string.Join("; ", changes.Select(x => $"{x.Kind} {x.Path}"))}");
        CompatibilityChecker.IsBackwardCompatible(updated, old).ShouldBe(c.Backward, c.ToString());
        if (c.Path is not null) changes.Select(x => x.Path).ShouldContain(c.Path, c.ToString());
        foreach (var change in changes) change.Impact.ShouldBe(Protobuf.Diff.ChangeKinds.Impacts[change.Kind]);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Forward_is_backward_with_the_arguments_swapped(int id)
    {
        var (old, updated) = Load(ProtobufCompatibilityCases.All.Single(x => x.Id == id));
        var previous = new[] { new VersionedSchema(1, old) };
        var levels = CompatibilityChecker.VerdictPerLevel(updated, previous);
        levels[CompatibilityLevel.Forward].ShouldBe(CompatibilityChecker.IsBackwardCompatible(old, updated));
        levels[CompatibilityLevel.Full].ShouldBe(levels[CompatibilityLevel.Backward] && levels[CompatibilityLevel.Forward]);
    }
}
