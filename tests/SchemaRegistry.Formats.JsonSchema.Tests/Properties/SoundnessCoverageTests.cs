using System.Text.Json;
using FsCheck.Fluent;
using SchemaRegistry.Core.Formats;
using Xunit.Abstractions;

namespace SchemaRegistry.Formats.JsonSchema.Tests.Properties;

/// <summary>
/// The soundness property only says something when the diff often answers "compatible" and the sampled documents are
/// often valid. This runs the same check over a fixed batch of generated pairs, in both directions, asserts it was not
/// vacuous, and reports how much it exercised.
/// </summary>
public sealed class SoundnessCoverageTests(ITestOutputHelper output)
{
    [Fact]
    public void Soundness_check_exercises_many_compatible_pairs_and_valid_documents()
    {
        var format = new JsonSchemaFormat();
        // Fixed seed and count so CI is repeatable; set SOUNDNESS_SEED / SOUNDNESS_PAIRS to explore further.
        var seed = ulong.Parse(Environment.GetEnvironmentVariable("SOUNDNESS_SEED") ?? "20251126", System.Globalization.CultureInfo.InvariantCulture);
        var count = int.Parse(Environment.GetEnvironmentVariable("SOUNDNESS_PAIRS") ?? "1500", System.Globalization.CultureInfo.InvariantCulture);
        var pairs = SchemaArbitraries.Pairs().Generator.Sample(count, new FsCheck.Rnd(seed), 90);
        int compatible = 0, checkedDocuments = 0, pairsWithDocuments = 0;
        var failures = new List<string>();
        foreach (var pair in pairs)
        {
            foreach (var (older, newer) in new[] { (pair.Old, pair.New), (pair.New, pair.Old) })
            {
                var oldSchema = format.Parse(SchemaParseRequest.Of(older)).Schema!;
                var newSchema = format.Parse(SchemaParseRequest.Of(newer)).Schema!;
                var changes = newSchema.DiffFrom(oldSchema);
                Support.Schemas.ShouldAgreeOnBreaking(newSchema, oldSchema, changes);
                if (changes.Any(c => c.Impact == ChangeImpact.Breaking)) continue;
                compatible++;
                var oldValidator = oldSchema.CompileValidator();
                var newValidator = newSchema.CompileValidator();
                var any = false;
                foreach (var text in Documents.Sample(older, new Random(pair.Seed), 40).Concat(Documents.Sample(newer, new Random(pair.Seed + 1), 40)))
                {
                    using var document = JsonDocument.Parse(text);
                    if (!oldValidator.Validate(document.RootElement).IsValid) continue;
                    checkedDocuments++;
                    any = true;
                    if (!newValidator.Validate(document.RootElement).IsValid)
                    {
                        failures.Add($"old: {older}\nnew: {newer}\ndocument: {text}\nchanges: {string.Join("; ", changes.Select(c => $"{c.Impact} {c.Kind} {c.Path}"))}");
                        break;
                    }
                }
                if (any) pairsWithDocuments++;
            }
        }
        output.WriteLine($"{pairs.Length} pairs x 2 directions: {compatible} judged compatible, {pairsWithDocuments} of them with valid sample documents, {checkedDocuments} documents checked, {failures.Count} unsound");
        foreach (var failure in failures.Take(10)) output.WriteLine(failure + "\n");
        failures.ShouldBeEmpty();
        compatible.ShouldBeGreaterThan(300);
        pairsWithDocuments.ShouldBeGreaterThan(200);
    }
}
