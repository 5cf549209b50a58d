using System.Text.Json;
using SchemaRegistry.Core.Formats;

namespace SchemaRegistry.Formats.JsonSchema.Tests.Support;

/// <summary>Small helpers shared by the tests: parse or fail loudly, diff, validate.</summary>
public static class Schemas
{
    /// <summary>The registry's default plug-in.</summary>
    public static JsonSchemaFormat Format { get; } = new();

    /// <summary>Parses and asserts success.</summary>
    public static ParsedJsonSchema Parse(string text, params ResolvedReference[] references)
    {
        var result = Format.Parse(new SchemaParseRequest(text, references));
        result.Error.ShouldBeNull(text);
        return (ParsedJsonSchema)result.Schema!;
    }

    /// <summary>Parses and returns the refusal message (asserting it was refused).</summary>
    public static string Refusal(string text, params ResolvedReference[] references)
    {
        var result = Format.Parse(new SchemaParseRequest(text, references));
        result.Success.ShouldBeFalse($"expected a refusal for {text}");
        return result.Error!;
    }

    /// <summary>
    /// The changes from <paramref name="older"/> to <paramref name="newer"/>. Every diff a test takes also checks the
    /// breaking-only diff (what compatibility checks against earlier versions run) against it: the same breaking
    /// changes, messages included, in the same order.
    /// </summary>
    public static IReadOnlyList<SchemaChange> Diff(string older, string newer)
    {
        var (before, after) = (Parse(older), Parse(newer));
        var changes = after.DiffFrom(before);
        ShouldAgreeOnBreaking(after, before, changes);
        return changes;
    }

    /// <summary>Asserts that the breaking-only diff finds exactly the breaking part of <paramref name="changes"/>.</summary>
    public static void ShouldAgreeOnBreaking(IParsedSchema newer, IParsedSchema older, IReadOnlyList<SchemaChange> changes)
    {
        var expected = changes.Where(c => c.Impact == ChangeImpact.Breaking).Select(Describe).ToList();
        newer.BreakingChangesFrom(older).Select(Describe).ToList().ShouldBe(expected);
    }

    private static string Describe(SchemaChange change) => $"{change.Kind} at {change.Path}: {change.Message}";

    /// <summary>Validates a document against a schema.</summary>
    public static ValidationOutcome Validate(string schema, string document)
    {
        using var parsed = JsonDocument.Parse(document);
        return Parse(schema).CompileValidator().Validate(parsed.RootElement);
    }

    /// <summary>A JSON reference to another subject.</summary>
    public static ResolvedReference Reference(string name, string text, params ResolvedReference[] references) =>
        new(name, "subject-" + name, 1, "JSON", text, references);
}
