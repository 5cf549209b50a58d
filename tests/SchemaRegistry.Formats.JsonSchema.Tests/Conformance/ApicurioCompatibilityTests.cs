using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Core.Formats;
using Xunit.Abstractions;
using SchemaRegistry.Testing;

namespace SchemaRegistry.Formats.JsonSchema.Tests.Conformance;

/// <summary>
/// Apicurio's 145 JSON Schema compatibility cases through our diff and <see cref="CompatibilityChecker"/>. Where we
/// deliberately disagree the case is listed in <see cref="ApicurioCompatibilityData.KnownDisagreements"/> (argued in docs/compatibility.md); the
/// test asserts that list exactly, so a regression and an unexpected fix are both noticed.
/// </summary>
public sealed class ApicurioCompatibilityTests(ITestOutputHelper output)
{
    [Fact]
    public void Agreement_with_apicurio_is_as_documented()
    {
        var format = new JsonSchemaFormat();
        var cases = ApicurioCompatibilityData.Cases();
        cases.Count.ShouldBe(145);
        var disagreements = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var @case in cases)
        {
            var original = Parse(format, @case.Original, @case.Key);
            var updated = Parse(format, @case.Updated, @case.Key);
            Support.Schemas.ShouldAgreeOnBreaking(updated, original, updated.DiffFrom(original));
            Support.Schemas.ShouldAgreeOnBreaking(original, updated, original.DiffFrom(updated));
            var backward = CompatibilityChecker.IsBackwardCompatible(updated, original);
            var forward = CompatibilityChecker.IsBackwardCompatible(original, updated);
            var verdict = (backward, forward) switch
            {
                (true, true) => "both",
                (true, false) => "backward",
                (false, true) => "forward",
                _ => "none",
            };
            if (verdict == @case.Expected) continue;
            disagreements[@case.Key] = verdict;
            output.WriteLine($"{@case.Key}: Apicurio {@case.Expected}, ours {verdict}");
            foreach (var change in updated.DiffFrom(original).Concat(original.DiffFrom(updated)).Where(c => c.Impact == ChangeImpact.Breaking))
                output.WriteLine($"    {change.Kind} {change.Path}: {change.Message}");
        }
        output.WriteLine($"Apicurio agreement: {cases.Count - disagreements.Count}/{cases.Count}");
        disagreements.Keys.Order(StringComparer.Ordinal).ShouldBe(ApicurioCompatibilityData.KnownDisagreements.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, verdict) in disagreements) verdict.ShouldBe(ApicurioCompatibilityData.KnownDisagreements[key].Split(':')[0], key);
        (cases.Count - disagreements.Count).ShouldBeGreaterThanOrEqualTo(140);
    }

    private static IParsedSchema Parse(JsonSchemaFormat format, string text, string key)
    {
        var result = format.Parse(SchemaParseRequest.Of(text));
        result.Error.ShouldBeNull(key);
        return result.Schema!;
    }
}
