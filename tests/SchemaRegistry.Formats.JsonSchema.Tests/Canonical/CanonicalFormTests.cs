using SchemaRegistry.Core.Formats;
using static SchemaRegistry.Formats.JsonSchema.Tests.Support.Schemas;

namespace SchemaRegistry.Formats.JsonSchema.Tests.Canonical;

public sealed class CanonicalFormTests
{
    private static string Normalized(string text) => Format.Parse(SchemaParseRequest.Of(text, normalize: true)).Schema!.CanonicalText;

    [Fact]
    public void Whitespace_is_insignificant()
    {
        var compact = Parse("""{"type":"object","properties":{"a":{"type":"string"}}}""").CanonicalText;
        var spaced = Parse("""
            {
              "type" : "object",
              "properties" : { "a" : { "type" : "string" } }
            }
            """).CanonicalText;
        spaced.ShouldBe(compact);
        compact.ShouldBe("""{"type":"object","properties":{"a":{"type":"string"}}}""");
    }

    [Fact]
    public void Key_order_and_content_are_preserved() =>
        Parse("""{"properties": {"z": {}, "a": {}}, "type": "object", "required": ["z", "a"]}""").CanonicalText
            .ShouldBe("""{"properties":{"z":{},"a":{}},"type":"object","required":["z","a"]}""");

    [Fact]
    public void Nothing_is_injected() => Parse("""{"type": "string"}""").CanonicalText.ShouldBe("""{"type":"string"}""");

    [Fact]
    public void Numbers_are_kept_as_written() =>
        Parse("""{"multipleOf": 10.0, "maximum": 1e2, "minimum": -0.50}""").CanonicalText.ShouldBe("""{"multipleOf":10.0,"maximum":1e2,"minimum":-0.50}""");

    [Fact]
    public void Escapes_are_written_one_way() =>
        Parse("""{"description": "caf\u00e9 \"q\" \n \u0001 \/"}""").CanonicalText.ShouldBe("{\"description\":\"café \\\"q\\\" \\n \\u0001 /\"}");

    [Fact]
    public void Normalization_sorts_keys_recursively()
    {
        Normalized("""{"type": "object", "properties": {"z": {"type": "string", "minLength": 1}, "a": {}}}""")
            .ShouldBe("""{"properties":{"a":{},"z":{"minLength":1,"type":"string"}},"type":"object"}""");
    }

    [Fact]
    public void Normalization_sorts_the_arrays_whose_order_is_insignificant()
    {
        Normalized("""{"type": ["string", "null"], "required": ["b", "a"], "dependentRequired": {"x": ["z", "y"]}}""")
            .ShouldBe("""{"dependentRequired":{"x":["y","z"]},"required":["a","b"],"type":["null","string"]}""");
        Normalized("""{"$schema": "http://json-schema.org/draft-07/schema#", "dependencies": {"x": ["z", "y"], "w": {"required": ["d", "c"]}}}""")
            .ShouldBe("""{"$schema":"http://json-schema.org/draft-07/schema#","dependencies":{"w":{"required":["c","d"]},"x":["y","z"]}}""");
    }

    [Fact]
    public void Normalization_keeps_enum_and_positional_order()
    {
        Normalized("""{"enum": ["b", "a"], "anyOf": [{"type": "string"}, {"type": "null"}], "prefixItems": [{"type": "string"}, {"type": "integer"}]}""")
            .ShouldBe("""{"anyOf":[{"type":"string"},{"type":"null"}],"enum":["b","a"],"prefixItems":[{"type":"string"},{"type":"integer"}]}""");
    }

    [Fact]
    public void Normalization_does_not_mistake_a_property_named_like_a_keyword()
    {
        // "required" here is a property name whose schema is an object, not the keyword.
        Normalized("""{"properties": {"required": {"enum": ["y", "x"]}}}""").ShouldBe("""{"properties":{"required":{"enum":["y","x"]}}}""");
    }

    [Fact]
    public void Semantically_equal_texts_normalize_to_the_same_form() =>
        Normalized("""{"required": ["b", "a"], "type": "object"}""").ShouldBe(Normalized("""{ "type": "object", "required": ["a", "b"] }"""));

    [Fact]
    public void Canonical_forms_are_fixed_points()
    {
        const string text = """{"type": ["null", "string"], "properties": {"b": {"const": 1.50}}, "required": ["b"]}""";
        var canonical = Parse(text).CanonicalText;
        Parse(canonical).CanonicalText.ShouldBe(canonical);
        var normalized = Normalized(text);
        Normalized(normalized).ShouldBe(normalized);
    }
}
