using SchemaRegistry.Core.Formats;
using static SchemaRegistry.Formats.Avro.Tests.Support.Avro;

namespace SchemaRegistry.Formats.Avro.Tests.Parsing;

/// <summary>What the parser accepts, what it refuses, and that every refusal says where.</summary>
public sealed class ParsingTests
{
    [Theory]
    [InlineData("\"int\"")]
    [InlineData("{\"type\":\"string\"}")]
    [InlineData("[\"null\",\"string\"]")]
    [InlineData("[]")]
    [InlineData("{\"type\":\"record\",\"name\":\"Empty\",\"fields\":[]}")]
    [InlineData("{\"type\":\"error\",\"name\":\"Oops\",\"fields\":[{\"name\":\"why\",\"type\":\"string\"}]}")]
    [InlineData("{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\",\"B\"],\"default\":\"A\"}")]
    [InlineData("{\"type\":\"fixed\",\"name\":\"Md5\",\"size\":16}")]
    [InlineData("{\"type\":\"array\",\"items\":{\"type\":\"map\",\"values\":\"long\"}}")]
    [InlineData("{\"type\":\"record\",\"name\":\"Node\",\"fields\":[{\"name\":\"next\",\"type\":[\"null\",\"Node\"],\"default\":null}]}")]
    [InlineData("{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":9,\"scale\":2}")]
    [InlineData("{\"type\":\"long\",\"logicalType\":\"timestamp-micros\"}")]
    [InlineData("{\"type\":\"string\",\"logicalType\":\"something-new\"}")]
    [InlineData("{\"type\":\"fixed\",\"name\":\"D\",\"size\":12,\"logicalType\":\"duration\"}")]
    [InlineData("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"f\",\"type\":\"double\",\"default\":\"NaN\"}]}")]
    [InlineData("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\",\"order\":\"DESCENDING\"}]}")]
    public void Valid_schemas_parse(string text) => Parse(text).CanonicalText.ShouldNotBeNullOrEmpty();

    [Theory]
    [InlineData("", "(root)", "empty")]
    [InlineData("{\"type\":\"record\",\"name\":\"A\",", "(root)", "not valid JSON")]
    [InlineData("42", "(root)", "Schema not yet supported: 42")]
    [InlineData("\"str\"", "(root)", "Undefined name: \"str\"")]
    [InlineData("{\"name\":\"R\"}", "(root)", "No type")]
    [InlineData("{\"type\":\"recrd\",\"name\":\"R\",\"fields\":[]}", "/type", "Type not supported: recrd")]
    [InlineData("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"str\"}]}", "/fields/0/type", "\"str\" is not a defined name")]
    [InlineData("{\"type\":\"record\",\"name\":\"R\"}", "(root)", "Record has no fields")]
    [InlineData("{\"type\":\"record\",\"fields\":[]}", "(root)", "No name in schema")]
    [InlineData("{\"type\":\"record\",\"name\":\"1A\",\"fields\":[]}", "/name", "Illegal initial character: 1A")]
    [InlineData("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a-b\",\"type\":\"int\"}]}", "/fields/0/name", "Illegal character in: a-b")]
    [InlineData("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"},{\"name\":\"a\",\"type\":\"long\"}]}", "/fields/1", "Duplicate field a in record R")]
    [InlineData("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":{\"type\":\"enum\",\"name\":\"R\",\"symbols\":[]}}]}", "/fields/0/type", "Can't redefine: R")]
    [InlineData("{\"type\":\"record\",\"name\":\"int\",\"fields\":[]}", "/name", "Schemas may not be named after primitives: int")]
    [InlineData("[\"int\",\"int\"]", "/1", "Duplicate in union: int")]
    [InlineData("[\"int\",[\"string\"]]", "/1", "Nested union")]
    [InlineData("{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\",\"A\"]}", "/symbols/1", "Duplicate enum symbol: A")]
    [InlineData("{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\"],\"default\":\"B\"}", "/default", "is not in the enum symbol set: [A]")]
    [InlineData("{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"1A\"]}", "/symbols/0", "Illegal initial character: 1A")]
    [InlineData("{\"type\":\"fixed\",\"name\":\"F\"}", "(root)", "Invalid or no size")]
    [InlineData("{\"type\":\"fixed\",\"name\":\"F\",\"size\":-1}", "/size", "Invalid fixed size: -1")]
    [InlineData("{\"type\":\"array\"}", "(root)", "Array has no items type")]
    [InlineData("{\"type\":\"map\"}", "(root)", "Map has no values type")]
    [InlineData("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"s\",\"type\":\"string\",\"default\":null}]}", "/fields/0/default", "Invalid default for field s: null not a string")]
    [InlineData("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"i\",\"type\":\"int\",\"default\":1.5}]}", "/fields/0/default", "Invalid default for field i")]
    [InlineData("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"i\",\"type\":\"int\",\"default\":3000000000}]}", "/fields/0/default", "Invalid default for field i")]
    [InlineData("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"u\",\"type\":[\"string\",\"null\"],\"default\":null}]}", "/fields/0/default", "Invalid default for field u")]
    [InlineData("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"e\",\"type\":{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\"]},\"default\":\"B\"}]}", "/fields/0/default", "Invalid default for field e")]
    [InlineData("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"f\",\"type\":{\"type\":\"fixed\",\"name\":\"F\",\"size\":2},\"default\":\"abc\"}]}", "/fields/0/default", "Invalid default for field f")]
    [InlineData("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"d\",\"type\":\"double\",\"default\":\"many\"}]}", "/fields/0/default", "is not a number")]
    [InlineData("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\",\"order\":\"up\"}]}", "/fields/0/order", "Invalid order")]
    [InlineData("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\",\"aliases\":\"b\"}]}", "/fields/0/aliases", "aliases not an array")]
    [InlineData("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\",\"aliases\":[\"1b\"]}]}", "/fields/0/aliases", "Illegal initial character: 1b")]
    [InlineData("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\",\"aliases\":[\"x\"]},{\"name\":\"b\",\"type\":\"int\",\"aliases\":[\"x\"]}]}", "/fields/1/aliases", "The alias x of field b is already")]
    [InlineData("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\",\"aliases\":[\"b\"]},{\"name\":\"b\",\"type\":\"int\"}]}", "/fields/1", "Duplicate field b")]
    [InlineData("{\"type\":\"record\",\"name\":\"R\",\"doc\":7,\"fields\":[]}", "/doc", "\"doc\" must be a string")]
    [InlineData("{\"type\":\"record\",\"name\":\"R\",\"fields\":[],\"fields\":[]}", "/fields", "appears twice")]
    [InlineData("{\"type\":\"string\",\"logicalType\":\"date\"}", "(root)", "'date' can only be used with an underlying int type")]
    [InlineData("{\"type\":\"bytes\",\"logicalType\":\"decimal\"}", "/precision", "positive integer")]
    [InlineData("{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":4,\"scale\":5}", "/scale", "no greater than 'precision'")]
    [InlineData("{\"type\":\"fixed\",\"name\":\"F\",\"size\":2,\"logicalType\":\"decimal\",\"precision\":10}", "/precision", "holds at most 4 decimal digits")]
    [InlineData("{\"type\":\"fixed\",\"name\":\"U\",\"size\":16,\"logicalType\":\"uuid\"}", "(root)", "'uuid' can only be used with an underlying string type")]
    [InlineData("{\"type\":\"int\",\"logicalType\":7}", "/logicalType", "must be a string")]
    public void Invalid_schemas_are_refused_saying_where(string text, string where, string what)
    {
        var message = Refuse(text);
        message.ShouldStartWith(where == "(root)" && what is "empty" or "not valid JSON" ? "(root): The schema" : where + ":");
        message.ShouldContain(what);
    }

    [Fact]
    public void A_schema_the_dotnet_library_cannot_parse_is_refused_with_its_message()
    {
        // Java accepts a fixed of size 0; Apache.Avro (the .NET serializers' library) does not, so .NET clients could
        // never use it: refused at registration, quoting the library.
        var message = Refuse("""{"type":"fixed","name":"Nothing","size":0}""");
        message.ShouldContain("Apache.Avro");
        message.ShouldContain("size");
    }

    [Fact]
    public void Names_resolve_in_the_enclosing_namespace_then_in_none()
    {
        var schema = Parse("""
            {"type":"record","name":"Outer","namespace":"a.b","fields":[
              {"name":"x","type":{"type":"enum","name":"Kind","symbols":["A"]}},
              {"name":"y","type":"Kind"},
              {"name":"z","type":"a.b.Kind"},
              {"name":"w","type":{"type":"record","name":"Top","namespace":"","fields":[]}},
              {"name":"v","type":"Top"}]}
            """);
        schema.Name.ShouldBe("a.b.Outer");
        schema.CanonicalText.ShouldContain("""{"name":"y","type":"Kind"}""");
        schema.CanonicalText.ShouldContain("""{"name":"w","type":{"type":"record","name":"Top","namespace":"","fields":[]}}""");
    }

    [Fact]
    public void The_dotnet_nested_logical_type_form_is_read_as_the_flat_one()
    {
        // Apache.Avro prints a decimal over a fixed as {"type":{fixed...},"logicalType":"decimal",...}: .NET clients send it.
        var nested = Parse("""{"type":{"type":"fixed","name":"Money","size":8,"precision":18},"logicalType":"decimal","precision":18,"scale":2}""");
        nested.CanonicalText.ShouldBe("""{"type":"fixed","name":"Money","size":8,"logicalType":"decimal","precision":18,"scale":2}""");
        Refuse("""{"type":{"type":"Money"},"logicalType":"decimal"}""").ShouldContain("No type");
    }

    [Fact]
    public void A_textual_float_default_is_a_number_as_in_java()
    {
        Parse("""{"type":"record","name":"R","fields":[{"name":"f","type":"float","default":"1.5"}]}""").CanonicalText
            .ShouldBe("""{"type":"record","name":"R","fields":[{"name":"f","type":"float","default":1.5}]}""");
    }

    [Fact]
    public void Parse_never_throws_on_garbage()
    {
        foreach (var text in new[] { "{", "[", "null", "true", "{\"type\":null}", "{\"type\":[]}", "{\"type\":\"record\",\"name\":\"R\",\"fields\":[1]}", "{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[null]}" })
        {
            var result = Format.Parse(SchemaParseRequest.Of(text));
            result.Success.ShouldBeFalse(text);
            result.Error.ShouldNotBeNullOrWhiteSpace();
        }
    }
}
