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

    /// <summary>The changes from <paramref name="older"/> to <paramref name="newer"/>.</summary>
    public static IReadOnlyList<SchemaChange> Diff(string older, string newer) => Parse(newer).DiffFrom(Parse(older));

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
