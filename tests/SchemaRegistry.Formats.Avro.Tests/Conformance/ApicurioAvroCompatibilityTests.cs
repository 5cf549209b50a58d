using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Testing;
using static SchemaRegistry.Formats.Avro.Tests.Support.Avro;

namespace SchemaRegistry.Formats.Avro.Tests.Conformance;

/// <summary>Apicurio's 4 Avro compatibility cases through the plug-in and <see cref="CompatibilityChecker"/>.</summary>
public sealed class ApicurioAvroCompatibilityTests
{
    [Fact]
    public void Every_apicurio_avro_case_agrees()
    {
        var cases = ApicurioAvroCompatibilityData.Cases();
        cases.Count.ShouldBe(4);
        foreach (var @case in cases)
        {
            var original = Parse(@case.Original);
            var updated = Parse(@case.Updated);
            CompatibilityChecker.IsBackwardCompatible(updated, original).ShouldBe(@case.ExpectBackward, @case.Key);
            CompatibilityChecker.IsBackwardCompatible(original, updated).ShouldBe(@case.ExpectForward, @case.Key);
        }
        ApicurioAvroCompatibilityData.KnownDisagreements.ShouldBeEmpty();
    }
}
