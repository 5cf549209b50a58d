using SchemaRegistry.Core.Formats;

namespace SchemaRegistry.Formats.Avro.Tests.Support;

/// <summary>Parsing helpers for the tests.</summary>
internal static class Avro
{
    public static readonly AvroFormat Format = new();

    /// <summary>Parses a schema that must be valid.</summary>
    public static ParsedAvroSchema Parse(string text, bool normalize = false, params ResolvedReference[] references)
    {
        var result = Format.Parse(new SchemaParseRequest(text, references, normalize));
        result.Error.ShouldBeNull(text);
        return (ParsedAvroSchema)result.Schema!;
    }

    /// <summary>Parses a schema that must be refused; returns the message.</summary>
    public static string Refuse(string text, params ResolvedReference[] references)
    {
        var result = Format.Parse(new SchemaParseRequest(text, references));
        result.Success.ShouldBeFalse($"expected a refusal of {text}");
        return result.Error!;
    }

    /// <summary>A resolved reference to an Avro schema.</summary>
    public static ResolvedReference Reference(string name, string text, int version = 1, params ResolvedReference[] nested) =>
        new(name, "subject-" + name, version, "AVRO", text, nested);

    /// <summary>The changes from <paramref name="old"/> to <paramref name="new"/>.</summary>
    public static IReadOnlyList<SchemaChange> Changes(string old, string @new) => Parse(@new).DiffFrom(Parse(old));
}
