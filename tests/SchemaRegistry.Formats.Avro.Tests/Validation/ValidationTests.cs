using System.Text.Json;
using SchemaRegistry.Core.Formats;
using static SchemaRegistry.Formats.Avro.Tests.Support.Avro;

namespace SchemaRegistry.Formats.Avro.Tests.Validation;

/// <summary>Validation of data in Avro's JSON encoding: what is valid, and every error with its paths and keyword.</summary>
public sealed class ValidationTests
{
    private const string Order = """
        {"type":"record","name":"Order","namespace":"shop","fields":[
          {"name":"id","type":"long"},
          {"name":"qty","type":"int"},
          {"name":"price","type":"double"},
          {"name":"ratio","type":"float"},
          {"name":"paid","type":"boolean"},
          {"name":"note","type":["null","string"]},
          {"name":"status","type":{"type":"enum","name":"Status","symbols":["NEW","PAID","SHIPPED"]}},
          {"name":"hash","type":{"type":"fixed","name":"Hash","size":4}},
          {"name":"blob","type":"bytes"},
          {"name":"tags","type":{"type":"array","items":"string"}},
          {"name":"attrs","type":{"type":"map","values":"int"}},
          {"name":"customer","type":["null",{"type":"record","name":"Customer","fields":[{"name":"name","type":"string"}]}]},
          {"name":"when","type":{"type":"long","logicalType":"timestamp-millis"}}]}
        """;

    private const string Valid = """
        {"id":9007199254740993,"qty":2,"price":10.5,"ratio":0.25,"paid":true,"note":{"string":"gift"},"status":"PAID",
         "hash":"\u00ff\u0000AB","blob":"\u00e9\u0001","tags":["a","b"],"attrs":{"x":1},"customer":{"shop.Customer":{"name":"Ada"}},"when":1700000000000}
        """;

    private static readonly IDataValidator Validator = Parse(Order).CompileValidator();

    private static ValidationOutcome Validate(string json, IDataValidator? validator = null)
    {
        using var document = JsonDocument.Parse(json);
        return (validator ?? Validator).Validate(document.RootElement.Clone());
    }

    [Fact]
    public void A_valid_datum_is_the_shared_valid_outcome()
    {
        Validate(Valid).ShouldBeSameAs(ValidationOutcome.Valid);
        Validate(Valid.Replace("{\"string\":\"gift\"}", "null", StringComparison.Ordinal).Replace("\"customer\":{\"shop.Customer\":{\"name\":\"Ada\"}}", "\"customer\":null", StringComparison.Ordinal))
            .IsValid.ShouldBeTrue();
        Validator.Engine.ShouldBe("avro-json");
    }

    [Theory]
    [InlineData("\"qty\":2", "\"qty\":2.5", "/qty", "/fields/1/type", "type")]
    [InlineData("\"qty\":2", "\"qty\":3000000000", "/qty", "/fields/1/type", "type")]
    [InlineData("\"qty\":2", "\"qty\":\"2\"", "/qty", "/fields/1/type", "type")]
    [InlineData("\"id\":9007199254740993", "\"id\":1.0", "/id", "/fields/0/type", "type")]
    [InlineData("\"ratio\":0.25", "\"ratio\":1e39", "/ratio", "/fields/3/type", "type")]
    [InlineData("\"paid\":true", "\"paid\":1", "/paid", "/fields/4/type", "type")]
    [InlineData("{\"string\":\"gift\"}", "\"gift\"", "/note", "/fields/5/type", "union")]
    [InlineData("{\"string\":\"gift\"}", "{\"int\":1}", "/note", "/fields/5/type", "union")]
    [InlineData("{\"string\":\"gift\"}", "{\"string\":1}", "/note/string", "/fields/5/type/1", "type")]
    [InlineData("\"PAID\"", "\"LOST\"", "/status", "/fields/6/type/symbols", "enum")]
    [InlineData("\"\\u00ff\\u0000AB\"", "\"ABC\"", "/hash", "/fields/7/type/size", "size")]
    [InlineData("\"\\u00e9\\u0001\"", "\"€\"", "/blob", "/fields/8/type", "bytes")]
    [InlineData("[\"a\",\"b\"]", "[\"a\",2]", "/tags/1", "/fields/9/type/items", "type")]
    [InlineData("{\"x\":1}", "{\"x\":\"1\"}", "/attrs/x", "/fields/10/type/values", "type")]
    [InlineData("{\"shop.Customer\":{\"name\":\"Ada\"}}", "{\"Customer\":{\"name\":\"Ada\"}}", "/customer", "/fields/11/type", "union")]
    [InlineData("{\"shop.Customer\":{\"name\":\"Ada\"}}", "{\"shop.Customer\":{}}", "/customer/shop.Customer", "/fields/11/type/1/fields/0", "required field")]
    [InlineData("\"when\":1700000000000", "\"when\":\"2024-01-01\"", "/when", "/fields/12/type", "type")]
    public void Each_error_says_where_in_the_datum_and_in_the_schema(string replaced, string by, string instancePath, string schemaPath, string keyword)
    {
        var outcome = Validate(Valid.Replace(replaced, by, StringComparison.Ordinal));
        outcome.IsValid.ShouldBeFalse();
        var error = outcome.Errors.ShouldHaveSingleItem();
        error.InstancePath.ShouldBe(instancePath);
        error.SchemaPath.ShouldBe(schemaPath);
        error.Keyword.ShouldBe(keyword);
        error.Message.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Missing_unknown_and_duplicate_fields_are_each_reported()
    {
        var outcome = Validate("""{"a":1,"a":2,"b":3}""", Parse("""{"type":"record","name":"R","fields":[{"name":"a","type":"int"},{"name":"c","type":"int","default":0}]}""").CompileValidator());
        outcome.Errors.Select(e => (e.InstancePath, e.Keyword)).ShouldBe([("", "required field"), ("/a", "duplicate field"), ("/b", "unknown field")], ignoreOrder: true);
    }

    [Fact]
    public void Non_finite_floats_are_the_strings_avro_encoders_write()
    {
        var validator = Parse("""{"type":"array","items":"double"}""").CompileValidator();
        Validate("""[1, -2.5e300, "NaN", "Infinity", "-Infinity"]""", validator).IsValid.ShouldBeTrue();
        Validate("""["nan"]""", validator).Errors.ShouldHaveSingleItem().Keyword.ShouldBe("type");
    }

    [Fact]
    public void Recursive_types_validate_to_any_depth_within_the_limit()
    {
        var validator = Parse("""{"type":"record","name":"Node","fields":[{"name":"v","type":"int"},{"name":"next","type":["null","Node"]}]}""").CompileValidator();
        Validate("""{"v":1,"next":{"Node":{"v":2,"next":{"Node":{"v":3,"next":null}}}}}""", validator).IsValid.ShouldBeTrue();
        Validate("""{"v":1,"next":{"Node":{"v":"two","next":null}}}""", validator).Errors.ShouldHaveSingleItem().InstancePath.ShouldBe("/next/Node/v");
    }

    [Fact]
    public void Large_enums_and_escaped_symbols_are_found()
    {
        var symbols = string.Join(",", Enumerable.Range(0, 40).Select(i => $"\"S{i}\""));
        var validator = Parse($$"""{"type":"enum","name":"Big","symbols":[{{symbols}},"A\u00e9"]}""").CompileValidator();
        Validate("\"S39\"", validator).IsValid.ShouldBeTrue();
        Validate("\"A\\u00e9\"", validator).IsValid.ShouldBeTrue();
        Validate("\"S40\"", validator).Errors.ShouldHaveSingleItem().Keyword.ShouldBe("enum");
    }

    [Fact]
    public void A_valid_datum_allocates_nothing()
    {
        using var document = JsonDocument.Parse(Valid);
        var root = document.RootElement;
        Validator.Validate(root); // warm up
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++) Validator.Validate(root);
        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBe(0);
    }
}
