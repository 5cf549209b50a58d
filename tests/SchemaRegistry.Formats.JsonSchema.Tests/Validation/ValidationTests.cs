using System.Diagnostics;
using System.Text.Json;
using SchemaRegistry.Core.Formats;
using static SchemaRegistry.Formats.JsonSchema.Tests.Support.Schemas;

namespace SchemaRegistry.Formats.JsonSchema.Tests.Validation;

public sealed class ValidationTests
{
    private const string Person = """
        {
          "type": "object",
          "properties": {
            "name": {"type": "string", "minLength": 1},
            "age": {"type": "integer", "minimum": 0},
            "email": {"type": "string", "format": "email"},
            "address": {"$ref": "#/$defs/address"}
          },
          "required": ["name"],
          "$defs": {"address": {"type": "object", "properties": {"zip": {"type": "string", "pattern": "^[0-9]{5}$"}}}}
        }
        """;

    [Fact]
    public void A_valid_document_gets_the_shared_valid_outcome() =>
        Validate(Person, """{"name": "Ada", "age": 36}""").ShouldBeSameAs(ValidationOutcome.Valid);

    [Fact]
    public void Errors_carry_instance_path_schema_path_keyword_and_message()
    {
        var outcome = Validate(Person, """{"age": -1}""");
        outcome.IsValid.ShouldBeFalse();
        outcome.Errors.ShouldContain(e => e.InstancePath == "/age" && e.SchemaPath == "/properties/age/minimum" && e.Keyword == "minimum" && e.Message.Length > 0);
        outcome.Errors.ShouldContain(e => e.InstancePath == "" && e.SchemaPath == "/required" && e.Keyword == "required");
    }

    [Fact]
    public void Errors_behind_a_ref_point_at_the_referenced_location()
    {
        var outcome = Validate(Person, """{"name": "Ada", "address": {"zip": "abc"}}""");
        outcome.Errors.ShouldContain(e => e.InstancePath == "/address/zip" && e.SchemaPath == "/$defs/address/properties/zip/pattern" && e.Keyword == "pattern");
    }

    [Fact]
    public void Every_error_is_reported()
    {
        var outcome = Validate(Person, """{"name": "", "age": 1.5, "email": "nope"}""");
        outcome.Errors.Select(e => e.Keyword).ShouldBe(["minLength", "type", "format"], ignoreOrder: true);
    }

    [Fact]
    public void Format_is_asserted_by_default_and_can_be_made_an_annotation()
    {
        const string schema = """{"format": "date-time"}""";
        Validate(schema, "\"yesterday\"").IsValid.ShouldBeFalse();
        var annotating = new JsonSchemaFormat(new JsonSchemaFormatOptions { AssertFormat = false });
        using var document = JsonDocument.Parse("\"yesterday\"");
        annotating.Parse(SchemaParseRequest.Of(schema)).Schema!.CompileValidator().Validate(document.RootElement).IsValid.ShouldBeTrue();
    }

    [Fact]
    public void A_catastrophic_pattern_is_cut_off_and_reported()
    {
        var validator = Parse("""{"type": "string", "pattern": "^(a+)+$"}""").CompileValidator();
        using var hostile = JsonDocument.Parse("\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\"");
        var clock = Stopwatch.StartNew();
        var outcome = validator.Validate(hostile.RootElement);
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(2));
        outcome.IsValid.ShouldBeFalse();
        var error = outcome.Errors.Single();
        error.Keyword.ShouldBe("pattern");
        error.SchemaPath.ShouldBe("/pattern");
        error.Message.ShouldContain("could not be matched");
    }

    [Fact]
    public void Many_hostile_values_cost_one_timeout_per_pattern()
    {
        var validator = Parse("""{"type": "array", "items": {"type": "string", "pattern": "^(a+)+$"}}""").CompileValidator();
        var values = string.Join(",", Enumerable.Repeat("\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\"", 50));
        using var hostile = JsonDocument.Parse($"[{values}]");
        var clock = Stopwatch.StartNew();
        var outcome = validator.Validate(hostile.RootElement);
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(3));
        outcome.Errors.Count.ShouldBe(50);
        outcome.Errors.ShouldAllBe(e => e.Keyword == "pattern");
    }

    [Fact]
    public void A_catastrophic_pattern_property_is_cut_off_too()
    {
        var validator = Parse("""{"patternProperties": {"^(a+)+$": {"type": "integer"}}}""").CompileValidator();
        using var hostile = JsonDocument.Parse("""{"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!": 1}""");
        var clock = Stopwatch.StartNew();
        var outcome = validator.Validate(hostile.RootElement);
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(2));
        outcome.Errors.ShouldContain(e => e.Keyword == "patternProperties");
    }

    [Fact]
    public void The_library_builds_pattern_regexes_without_a_timeout_so_the_plug_in_must()
    {
        // Documents why the timed handlers exist: JsonSchema.Net 8.0.5's own pattern handler builds Regex objects with
        // the process default timeout, which is infinite unless REGEX_DEFAULT_MATCH_TIMEOUT was set at start-up.
        var handler = Json.Schema.Keywords.PatternKeyword.Instance;
        using var pattern = JsonDocument.Parse("\"^a$\"");
        var regex = (System.Text.RegularExpressions.Regex)handler.ValidateKeywordValue(pattern.RootElement)!;
        regex.MatchTimeout.ShouldBe(System.Text.RegularExpressions.Regex.InfiniteMatchTimeout);
    }

    [Fact]
    public void One_validator_serves_concurrent_requests()
    {
        var validator = Parse(Person).CompileValidator();
        using var valid = JsonDocument.Parse("""{"name": "Ada", "address": {"zip": "12345"}}""");
        using var invalid = JsonDocument.Parse("""{"address": {"zip": "x"}}""");
        Parallel.For(0, 2000, i =>
        {
            if (i % 2 == 0) validator.Validate(valid.RootElement).IsValid.ShouldBeTrue();
            else validator.Validate(invalid.RootElement).Errors.Count.ShouldBe(2);
        });
    }

    [Fact]
    public void A_document_too_deep_for_a_recursive_schema_is_refused_instead_of_overflowing_the_stack()
    {
        var validator = Parse("""{"$defs": {"n": {"type": "object", "properties": {"c": {"$ref": "#/$defs/n"}}}}, "$ref": "#/$defs/n"}""").CompileValidator();
        const int depth = 3000;
        var text = string.Concat(Enumerable.Repeat("{\"c\":", depth)) + "{}" + new string('}', depth);
        using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = depth + 10 });
        ValidationOutcome? outcome = null;
        // A small stack, as on a thread-pool thread: without the guard the process would die here.
        var thread = new Thread(() => outcome = validator.Validate(document.RootElement), 1024 * 1024);
        thread.Start();
        thread.Join();
        outcome.ShouldNotBeNull();
        outcome.IsValid.ShouldBeFalse();
        outcome.Errors.Single().Message.ShouldContain("nested too deeply");
    }

    [Fact]
    public void A_recursive_schema_validates_nested_data()
    {
        const string tree = """{"$defs": {"node": {"type": "object", "properties": {"children": {"type": "array", "items": {"$ref": "#/$defs/node"}}, "v": {"type": "integer"}}}}, "$ref": "#/$defs/node"}""";
        Validate(tree, """{"v": 1, "children": [{"v": 2, "children": [{"v": 3}]}]}""").IsValid.ShouldBeTrue();
        Validate(tree, """{"v": 1, "children": [{"v": 2, "children": [{"v": "x"}]}]}""").Errors.Single().InstancePath.ShouldBe("/children/0/children/0/v");
    }
}
