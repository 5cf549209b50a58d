using System.Text.Json;
using SchemaRegistry.Core.Formats;
using SchemaRegistry.Formats.JsonSchema.Drafts;
using Xunit.Abstractions;
using SchemaRegistry.Testing;

namespace SchemaRegistry.Formats.JsonSchema.Tests.Conformance;

/// <summary>
/// The required tests of JSON-Schema-Test-Suite (draft2020-12 and draft7, top level of each folder) run through the
/// plug-in's parser and validator. Every case must give the suite's verdict; exclusions would be listed in
/// <see cref="Exclusions"/> with their reason and are counted (there are none).
/// </summary>
public sealed class JsonSchemaTestSuiteTests(ITestOutputHelper output)
{
    /// <summary>Cases not run, keyed "folder/file | group | case", with the reason. Empty: every required case passes.</summary>
    private static readonly Dictionary<string, string> Exclusions = new(StringComparer.Ordinal);

    [Theory]
    [InlineData("draft2020-12", JsonSchemaDraft.Draft202012, 1299)]
    [InlineData("draft7", JsonSchemaDraft.Draft7, 927)]
    public void Every_required_case_gets_the_suite_verdict(string folder, JsonSchemaDraft draft, int expectedCases)
    {
        var registryDefault = new JsonSchemaFormat(new JsonSchemaFormatOptions { DefaultDraft = draft });
        var annotationOnly = new JsonSchemaFormat(new JsonSchemaFormatOptions { DefaultDraft = draft, AssertFormat = false });
        var failures = new List<string>();
        int passed = 0, excluded = 0, total = 0;
        foreach (var group in JsonSchemaTestSuite.Cases(folder).GroupBy(c => (c.File, c.Group, c.SchemaText)))
        {
            var references = JsonSchemaTestSuite.RemotesFor(group.Key.SchemaText);
            var validators = new Dictionary<JsonSchemaFormat, IDataValidator?>();
            foreach (var @case in group)
            {
                total++;
                if (Exclusions.ContainsKey($"{folder}/{@case.Id}"))
                {
                    excluded++;
                    continue;
                }
                var format = JsonSchemaTestSuite.IsAnnotationOnlyFormatCase(@case) ? annotationOnly : registryDefault;
                if (!validators.TryGetValue(format, out var validator))
                {
                    var parsed = format.Parse(new SchemaParseRequest(group.Key.SchemaText, references));
                    validator = parsed.Schema?.CompileValidator();
                    validators[format] = validator;
                    if (validator is null) failures.Add($"{@case.File} | {@case.Group}: refused: {parsed.Error}");
                }
                if (validator is null) continue;
                using var data = JsonDocument.Parse(@case.DataText);
                var outcome = validator.Validate(data.RootElement);
                if (outcome.IsValid == @case.Valid) passed++;
                else failures.Add($"{@case.Id}: expected valid={@case.Valid}, got {outcome.IsValid} {string.Join("; ", outcome.Errors.Select(e => $"{e.InstancePath} {e.SchemaPath} {e.Message}"))}");
            }
        }
        output.WriteLine($"JSON-Schema-Test-Suite {folder}: {passed}/{total} passed, {excluded} excluded, {failures.Count} failures");
        foreach (var failure in failures.Take(60)) output.WriteLine("  " + failure);
        failures.ShouldBeEmpty();
        // Every listed exclusion must match a case, so a stale entry is noticed.
        excluded.ShouldBe(Exclusions.Keys.Count(k => k.StartsWith(folder + "/", StringComparison.Ordinal)));
        // The count is pinned so a change of the suite data (or of the loader) is noticed.
        total.ShouldBe(expectedCases);
    }

    [Fact]
    public void Format_cases_the_suite_calls_annotations_are_refused_by_the_registry_default()
    {
        var registryDefault = new JsonSchemaFormat();
        var cases = JsonSchemaTestSuite.Cases("draft2020-12").Where(JsonSchemaTestSuite.IsAnnotationOnlyFormatCase).ToList();
        cases.Count.ShouldBeGreaterThan(10);
        var accepted = new List<string>();
        foreach (var @case in cases)
        {
            var validator = registryDefault.Parse(SchemaParseRequest.Of(@case.SchemaText)).Schema!.CompileValidator();
            using var data = JsonDocument.Parse(@case.DataText);
            var outcome = validator.Validate(data.RootElement);
            if (outcome.IsValid) accepted.Add(@case.Id);
            else outcome.Errors.ShouldContain(e => e.Keyword == "format");
        }
        output.WriteLine($"{cases.Count - accepted.Count}/{cases.Count} invalid format values refused; accepted (formats the library does not check): {string.Join(", ", accepted)}");
        // The library validates every standard format except a few it has no validator for.
        accepted.Count.ShouldBeLessThan(cases.Count / 2);
    }
}
