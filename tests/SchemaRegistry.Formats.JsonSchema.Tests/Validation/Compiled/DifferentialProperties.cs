using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SchemaRegistry.Core.Formats;
using SchemaRegistry.Formats.JsonSchema.Drafts;
using SchemaRegistry.Formats.JsonSchema.Tests.Properties;
using SchemaRegistry.Testing;
using static SchemaRegistry.Formats.JsonSchema.Tests.Support.Schemas;

namespace SchemaRegistry.Formats.JsonSchema.Tests.Validation.Compiled;

/// <summary>A peer schema, a seed and a number of edits to apply to one of its payloads.</summary>
public sealed record PeerMutation(string Name, bool FromValid, int Edits, int Seed)
{
    public override string ToString() => $"{Name} {(FromValid ? "valid" : "invalid")} payload, {Edits} edit(s), seed {Seed}";
}

/// <summary>Generators of the differential properties.</summary>
public static class DifferentialArbitraries
{
    public static Arbitrary<PeerMutation> PeerMutations() => Arb.From(
        from name in Gen.Elements(PeerPayloads.Names)
        from fromValid in Gen.Frequency((3, Gen.Constant(true)), (1, Gen.Constant(false)))
        from edits in Gen.Choose(0, 3)
        from seed in Gen.Choose(0, int.MaxValue - 1)
        select new PeerMutation(name, fromValid, edits, seed));

    public static Arbitrary<GeneratedSchema> Schemas() => Arb.From(SchemaGenerators.Schema().Select(t => new GeneratedSchema(t)));
}

/// <summary>
/// The compiled path and the library path agree (same verdict; same error set for invalid documents) on generated
/// documents: edits of the peer payloads, documents sampled for generated schemas, and edits of the suite's
/// documents under the suite's schemas. Fixed seeds, so CI is repeatable.
/// </summary>
public sealed class DifferentialProperties
{
    private const string Seed = "(1234567890123456789,987654321987654321)";
    private static readonly Dictionary<string, Differential> Peers = PeerPayloads.Names.ToDictionary(n => n, n => Differential.Of(Parse(PeerPayloads.Schema(n))));

    [Property(Arbitrary = [typeof(DifferentialArbitraries)], MaxTest = 1500, Replay = Seed)]
    public void Engines_agree_on_edited_peer_payloads(PeerMutation mutation)
    {
        var source = mutation.FromValid ? PeerPayloads.Valid(mutation.Name) : PeerPayloads.Invalid(mutation.Name);
        var text = JsonMutator.Mutate(source, mutation.Edits, new Random(mutation.Seed));
        using var document = JsonDocument.Parse(text);
        Peers[mutation.Name].Disagreement(document.RootElement).ShouldBeNull($"{mutation}\n{text}");
    }

    [Property(Arbitrary = [typeof(DifferentialArbitraries)], MaxTest = 400, Replay = Seed)]
    public void Engines_agree_on_generated_schemas(GeneratedSchema schema)
    {
        var engines = Differential.Of(Parse(schema.Text));
        foreach (var text in Documents.Sample(schema.Text, new Random(schema.Text.Length), 30))
        {
            using var document = JsonDocument.Parse(text);
            engines.Disagreement(document.RootElement).ShouldBeNull($"schema: {schema.Text}\ndocument: {text}");
        }
    }

    [Theory]
    [InlineData("draft2020-12", JsonSchemaDraft.Draft202012)]
    [InlineData("draft7", JsonSchemaDraft.Draft7)]
    public void Engines_agree_on_edited_suite_documents(string folder, JsonSchemaDraft draft)
    {
        var format = new JsonSchemaFormat(new JsonSchemaFormatOptions { DefaultDraft = draft });
        var random = new Random(20251126);
        var disagreements = new List<string>();
        var compared = 0;
        foreach (var group in JsonSchemaTestSuite.Cases(folder).GroupBy(c => (c.File, c.Group, c.SchemaText)))
        {
            var parsed = (ParsedJsonSchema)format.Parse(new SchemaParseRequest(group.Key.SchemaText, JsonSchemaTestSuite.RemotesFor(group.Key.SchemaText))).Schema!;
            var engines = Differential.Of(parsed);
            foreach (var @case in group)
            {
                for (var i = 0; i < 3; i++)
                {
                    var text = JsonMutator.Mutate(@case.DataText, 1 + i, random);
                    using var document = JsonDocument.Parse(text);
                    compared++;
                    if (engines.Disagreement(document.RootElement) is { } disagreement)
                        disagreements.Add($"{@case.Id}\n  document: {text}\n  {disagreement}");
                }
            }
        }
        disagreements.Take(20).ShouldBeEmpty($"{disagreements.Count} of {compared} edited documents");
        compared.ShouldBeGreaterThan(2000);
    }
}
