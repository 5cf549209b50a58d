using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Core.Formats;
using SchemaRegistry.Formats.Avro.Compatibility;
using SchemaRegistry.Testing;
using Xunit.Abstractions;
using static SchemaRegistry.Formats.Avro.Tests.Support.Avro;

namespace SchemaRegistry.Formats.Avro.Tests.Conformance;

/// <summary>
/// Apache Avro's 137 reader/writer cases (avro-compatibility.json) through the plug-in: the reader's
/// <c>DiffFrom(writer)</c> has a breaking change exactly when Avro says the pair is incompatible, and where the suite
/// names the incompatibilities, the kinds, locations and Java messages are the same.
/// </summary>
public sealed class AvroCompatibilityConformanceTests(ITestOutputHelper output)
{
    public static TheoryData<int> Ids() => [.. AvroCompatibilityData.Cases().Select(c => c.Id)];

    [Fact]
    public void The_suite_has_all_its_cases()
    {
        var cases = AvroCompatibilityData.Cases();
        cases.Count.ShouldBe(137);
        cases.Count(c => c.Compatible).ShouldBe(75);
        AvroCompatibilityData.KnownDisagreements.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Verdict_kinds_locations_and_messages_match_avro(int id)
    {
        var @case = AvroCompatibilityData.Cases().Single(c => c.Id == id);
        var reader = Parse(@case.Reader);
        var writer = Parse(@case.Writer);
        var breaking = CompatibilityChecker.BreakingChanges(reader, writer);
        foreach (var change in breaking) output.WriteLine($"{change.Kind} {change.Path}: {change.Message}");

        (breaking.Count == 0).ShouldBe(@case.Compatible, @case.Key);
        if (@case.Expected.Count == 0) return;

        // The Java checker's own findings: the same messages and the same locations. Compared as two sets: the Python
        // suite sorts its message list on its own (case 102 pairs DOUBLE with /1 where Java reports LONG at /1).
        var found = new ReaderWriterChecker().Check(reader.Root, writer.Root);
        found.Select(f => f.Detail).Order().ShouldBe(@case.Expected.Select(e => e.Message).Order(), @case.Key);
        found.Select(f => f.JavaLocation).Order().ShouldBe(@case.Expected.Select(e => e.Location).Order(), @case.Key);
        // And through the plug-in's diff: the same kinds at the same paths, each message quoting Java's.
        var kind = @case.Test.Replace("test_schema_compatibility_", "", StringComparison.Ordinal).ToUpperInvariant();
        breaking.ShouldAllBe(c => c.Kind == kind && c.Impact == ChangeImpact.Breaking);
        breaking.Select(c => c.Path.Length == 0 ? "/" : c.Path).Order().ShouldBe(@case.Expected.Select(e => e.Location).Order());
        foreach (var (message, _) in @case.Expected) breaking.ShouldContain(c => c.Message.Contains(message, StringComparison.Ordinal));
    }
}
