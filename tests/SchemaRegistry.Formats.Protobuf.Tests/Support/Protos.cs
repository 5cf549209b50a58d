using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Core.Formats;

namespace SchemaRegistry.Formats.Protobuf.Tests.Support;

/// <summary>Parsing shortcuts for tests.</summary>
internal static class Protos
{
    public static readonly ProtobufFormat Format = new();

    public static ParsedProtobufSchema Parse(string text, bool normalize = false, params ResolvedReference[] references)
    {
        var result = Format.Parse(new SchemaParseRequest(text, references, normalize));
        result.Error.ShouldBeNull();
        return (ParsedProtobufSchema)result.Schema!;
    }

    public static string Fail(string text, params ResolvedReference[] references)
    {
        var result = Format.Parse(new SchemaParseRequest(text, references));
        result.Success.ShouldBeFalse("the schema should have been refused");
        return result.Error!;
    }

    public static ResolvedReference Reference(string name, string text, int version = 1, string? subject = null) =>
        new(name, subject ?? name, version, ProtobufFormat.Type, text, []);

    /// <summary>A proto3 file in package p with the given body.</summary>
    public static string P3(string body) => "syntax = \"proto3\";\npackage p;\n" + body;

    /// <summary>A proto2 file in package p with the given body.</summary>
    public static string P2(string body) => "syntax = \"proto2\";\npackage p;\n" + body;

    public static IReadOnlyList<SchemaChange> Diff(string oldText, string newText) => Parse(newText).DiffFrom(Parse(oldText));

    public static bool Backward(string oldText, string newText) => CompatibilityChecker.IsBackwardCompatible(Parse(newText), Parse(oldText));
}
