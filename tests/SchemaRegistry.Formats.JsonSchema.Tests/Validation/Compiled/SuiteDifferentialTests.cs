using System.Text.Json;
using SchemaRegistry.Core.Formats;
using SchemaRegistry.Formats.JsonSchema.Drafts;
using SchemaRegistry.Testing;
using Xunit.Abstractions;

namespace SchemaRegistry.Formats.JsonSchema.Tests.Validation.Compiled;

/// <summary>
/// Every required case of JSON-Schema-Test-Suite (draft2020-12 and draft7): every schema compiles, the compiled path
/// alone gives the suite's verdict on every case, and the library path agrees with it on every case (verdict and
/// errors). No exclusions.
/// </summary>
public sealed class SuiteDifferentialTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("draft2020-12", JsonSchemaDraft.Draft202012, 1299)]
    [InlineData("draft7", JsonSchemaDraft.Draft7, 927)]
    public void Compiled_path_passes_the_suite_and_agrees_with_the_library(string folder, JsonSchemaDraft draft, int expectedCases)
    {
        var registryDefault = new JsonSchemaFormat(new JsonSchemaFormatOptions { DefaultDraft = draft });
        var annotationOnly = new JsonSchemaFormat(new JsonSchemaFormatOptions { DefaultDraft = draft, AssertFormat = false });
        var failures = new List<string>();
        var disagreements = new List<string>();
        int total = 0, passed = 0, agreed = 0, invalidCompared = 0, streamed = 0;
        foreach (var group in JsonSchemaTestSuite.Cases(folder).GroupBy(c => (c.File, c.Group, c.SchemaText)))
        {
            var references = JsonSchemaTestSuite.RemotesFor(group.Key.SchemaText);
            var engines = new Dictionary<JsonSchemaFormat, Differential>();
            foreach (var @case in group)
            {
                total++;
                var format = JsonSchemaTestSuite.IsAnnotationOnlyFormatCase(@case) ? annotationOnly : registryDefault;
                if (!engines.TryGetValue(format, out var engine))
                {
                    var parsed = (ParsedJsonSchema)format.Parse(new SchemaParseRequest(group.Key.SchemaText, references)).Schema!;
                    parsed.ShouldNotBeNull(@case.Id);
                    engines[format] = engine = Differential.Of(parsed);
                }
                using var data = JsonDocument.Parse(@case.DataText);
                var outcome = engine.Compiled.Validate(data.RootElement);
                if (outcome.IsValid == @case.Valid) passed++;
                else failures.Add($"{@case.Id}: expected {@case.Valid}, compiled says {outcome.IsValid}");
                var disagreement = engine.Disagreement(data.RootElement);
                if (disagreement is null) agreed++;
                else disagreements.Add($"{@case.Id}: {disagreement}");
                if (!@case.Valid) invalidCompared++;
                if (engine.StreamAccepts(data.RootElement)) streamed++;
            }
        }
        output.WriteLine($"{folder}: compiled {passed}/{total}; engines agree on {agreed}/{total} ({invalidCompared} invalid documents with error sets compared); the stream path accepted {streamed} valid documents");
        foreach (var line in failures.Concat(disagreements).Take(80)) output.WriteLine("  " + line);
        failures.ShouldBeEmpty();
        disagreements.ShouldBeEmpty();
        total.ShouldBe(expectedCases);
        // Not vacuous: the stream path decides a good share of the suite's valid documents (the rest need applicators
        // it leaves to the element path). Soundness on every one of them is checked by Disagreement above.
        streamed.ShouldBeGreaterThan(150);
    }
}
