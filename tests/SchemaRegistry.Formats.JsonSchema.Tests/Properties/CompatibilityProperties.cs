using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Core.Formats;

namespace SchemaRegistry.Formats.JsonSchema.Tests.Properties;

/// <summary>A generated schema.</summary>
public sealed record GeneratedSchema(string Text)
{
    /// <inheritdoc />
    public override string ToString() => Text;
}

/// <summary>A generated schema, an edit of it, and a seed for sampling documents.</summary>
public sealed record GeneratedPair(string Old, string New, int Seed)
{
    /// <inheritdoc />
    public override string ToString() => $"old: {Old}\nnew: {New}\nseed: {Seed}";
}

/// <summary>The generators FsCheck uses for the properties below.</summary>
public static class SchemaArbitraries
{
    public static Arbitrary<GeneratedSchema> Schemas() => Arb.From(SchemaGenerators.Schema().Select(t => new GeneratedSchema(t)));

    public static Arbitrary<GeneratedPair> Pairs() => Arb.From(
        from old in SchemaGenerators.Schema()
        from changed in SchemaGenerators.Mutated(old)
        from seed in Gen.Choose(0, int.MaxValue - 1)
        select new GeneratedPair(old, changed, seed));
}

/// <summary>
/// Properties of the diff over generated schemas: reflexivity, the symmetry of FORWARD and BACKWARD, and soundness
/// (when the diff says BACKWARD holds, every sampled document valid under the old schema is valid under the new one).
/// The runs replay a fixed seed so CI is repeatable; remove <c>Replay</c> locally to explore new cases.
/// </summary>
public sealed class CompatibilityProperties
{
    private const string Seed = "(7678867801343234215,7998268334155611075)";
    private static readonly JsonSchemaFormat Format = new();

    [Property(Arbitrary = [typeof(SchemaArbitraries)], MaxTest = 300, Replay = Seed)]
    public void A_schema_is_compatible_with_itself_at_every_level(GeneratedSchema schema)
    {
        var first = Parse(schema.Text);
        var second = Parse(schema.Text);
        var changes = second.DiffFrom(first);
        changes.Where(c => c.Impact != ChangeImpact.Annotation).ShouldBeEmpty(schema.Text);
        foreach (var level in CompatibilityLevels.All)
            CompatibilityChecker.Check(level, second, [new VersionedSchema(1, first)]).IsCompatible.ShouldBeTrue($"{level}: {schema.Text}");
    }

    [Property(Arbitrary = [typeof(SchemaArbitraries)], MaxTest = 200, Replay = Seed)]
    public void Forward_of_a_and_b_is_backward_of_b_and_a(GeneratedPair pair)
    {
        var a = Parse(pair.New);
        var b = Parse(pair.Old);
        var forward = CompatibilityChecker.Check(CompatibilityLevel.Forward, a, [new VersionedSchema(1, b)]).IsCompatible;
        var backward = CompatibilityChecker.Check(CompatibilityLevel.Backward, b, [new VersionedSchema(1, a)]).IsCompatible;
        forward.ShouldBe(backward, pair.ToString());
    }

    [Property(Arbitrary = [typeof(SchemaArbitraries)], MaxTest = 600, Replay = Seed)]
    public void When_backward_holds_old_documents_stay_valid(GeneratedPair pair) => CheckSoundness(pair.Old, pair.New, pair.Seed);

    [Property(Arbitrary = [typeof(SchemaArbitraries)], MaxTest = 600, Replay = Seed)]
    public void When_forward_holds_new_documents_are_valid_under_the_old_schema(GeneratedPair pair) => CheckSoundness(pair.New, pair.Old, pair.Seed);

    /// <summary>If the diff says a reader of <paramref name="newer"/> reads everything <paramref name="older"/> accepts, check it on samples.</summary>
    private static void CheckSoundness(string older, string newer, int seed)
    {
        var oldSchema = Parse(older);
        var newSchema = Parse(newer);
        var changes = newSchema.DiffFrom(oldSchema);
        Support.Schemas.ShouldAgreeOnBreaking(newSchema, oldSchema, changes);
        if (changes.Any(c => c.Impact == ChangeImpact.Breaking)) return;
        var oldValidator = oldSchema.CompileValidator();
        var newValidator = newSchema.CompileValidator();
        foreach (var text in Documents.Sample(older, new Random(seed), 60).Concat(Documents.Sample(newer, new Random(seed + 1), 60)))
        {
            using var document = JsonDocument.Parse(text);
            if (!oldValidator.Validate(document.RootElement).IsValid) continue;
            var outcome = newValidator.Validate(document.RootElement);
            outcome.IsValid.ShouldBeTrue(
                $"The diff found no breaking change, yet a document valid under the old schema is refused by the new one.\n" +
                $"old: {older}\nnew: {newer}\ndocument: {text}\nerrors: {string.Join("; ", outcome.Errors.Select(e => $"{e.InstancePath} {e.SchemaPath} {e.Message}"))}\n" +
                $"changes: {string.Join("; ", changes.Select(c => $"{c.Impact} {c.Kind} {c.Path}"))}");
        }
    }

    private static IParsedSchema Parse(string text)
    {
        var result = Format.Parse(SchemaParseRequest.Of(text));
        result.Error.ShouldBeNull(text);
        return result.Schema!;
    }
}
