using System.Text.Json;
using SchemaRegistry.Core.Formats;
using static SchemaRegistry.Formats.JsonSchema.Tests.Support.Schemas;

namespace SchemaRegistry.Formats.JsonSchema.Tests.Validation.Compiled;

public sealed class CompiledValidatorTests
{
    [Theory]
    [InlineData("tool-call", true)]
    [InlineData("chat-completion", true)]
    [InlineData("trace-event", true)]
    public void Valid_peer_payloads_are_accepted_from_their_text_and_invalid_ones_are_left_to_the_element_path(string name, bool streams)
    {
        var validator = PrivateValidator(name);
        ((SchemaRegistry.Formats.JsonSchema.Validation.Compiled.CompiledValidator)validator).Streams.ShouldBe(streams);
        Accepts(validator, PeerPayloads.Valid(name)).ShouldBe(streams);
        Accepts(validator, PeerPayloads.Invalid(name)).ShouldBeFalse();
        // Allocation-free too.
        for (var i = 0; i < 50; i++) Accepts(validator, PeerPayloads.Valid(name));
        var text = System.Text.Encoding.UTF8.GetBytes(PeerPayloads.Valid(name));
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++) validator.IsCertainlyValid(text, 64, out _);
        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBe(0);
    }

    [Theory]
    [InlineData("""{"anyOf":[{"type":"string","maxLength":3},{"type":"integer"}],"allOf":[{"not":{"const":7}}]}""", "\"abc\"", false)] // not: element path
    [InlineData("""{"anyOf":[{"type":"string","maxLength":3},{"type":"integer"}]}""", "\"abc\"", true)]
    [InlineData("""{"anyOf":[{"type":"string","maxLength":3},{"type":"integer"}]}""", "12", true)]
    [InlineData("""{"anyOf":[{"type":"string","maxLength":3},{"type":"integer"}]}""", "\"abcd\"", false)]
    [InlineData("""{"allOf":[{"minLength":2},{"maxLength":3}],"type":"string"}""", "\"ab\"", true)]
    [InlineData("""{"allOf":[{"minLength":2},{"maxLength":3}],"type":"string"}""", "\"abcd\"", false)]
    [InlineData("""{"$defs":{"n":{"type":"integer"}},"properties":{"a":{"$ref":"#/$defs/n","minimum":2}}}""", """{"a":3,"b":[1,{"c":2}]}""", true)]
    [InlineData("""{"$defs":{"n":{"type":"integer"}},"properties":{"a":{"$ref":"#/$defs/n","minimum":2}}}""", """{"a":1}""", false)]
    public void In_place_subschemas_are_read_again_from_the_start_of_the_value(string schema, string document, bool accepted)
    {
        var validator = Parse(schema).CompileValidator();
        Accepts(validator, document).ShouldBe(accepted);
        using var parsed = JsonDocument.Parse(document);
        // Never more lenient than the element path.
        if (accepted) validator.Validate(parsed.RootElement).IsValid.ShouldBeTrue();
    }

    /// <summary>
    /// A validator with regexes of its own: a Regex keeps one cached runner, and a thread that finds it taken (another
    /// test class validating with the shared format's regexes at the same moment) allocates a new one, which the
    /// allocation assertions would count.
    /// </summary>
    private static IDataValidator PrivateValidator(string name) =>
        new JsonSchemaFormat().Parse(SchemaParseRequest.Of(PeerPayloads.Schema(name))).Schema!.CompileValidator();

    private static bool Accepts(IDataValidator validator, string json)
    {
        var text = System.Text.Encoding.UTF8.GetBytes(json);
        return validator.IsCertainlyValid(text, 64, out var consumed) && consumed == System.Text.Encoding.UTF8.GetByteCount(json.TrimEnd());
    }

    /// <summary>Required names on the stream path, with a property table of one word (64 names or fewer) and of several.</summary>
    [Theory]
    [InlineData(3)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(130)]
    public void Required_names_are_checked_for_every_table_size(int names)
    {
        var properties = string.Join(",", Enumerable.Range(0, names).Select(i => $"\"p{i}\":{{\"type\":\"integer\"}}"));
        var required = string.Join(",", new[] { 0, names / 2, names - 1 }.Distinct().Select(i => $"\"p{i}\""));
        var validator = new JsonSchemaFormat().Parse(SchemaParseRequest.Of($"{{\"properties\":{{{properties}}},\"required\":[{required}]}}")).Schema!.CompileValidator();
        string Document(IEnumerable<int> present) => "{" + string.Join(",", present.Select(i => $"\"p{i}\":{i}")) + "}";

        Accepts(validator, Document(Enumerable.Range(0, names))).ShouldBeTrue();
        Accepts(validator, Document([0, names / 2, names - 1])).ShouldBeTrue();
        foreach (var missing in new[] { 0, names / 2, names - 1 })
            Accepts(validator, Document(Enumerable.Range(0, names).Where(i => i != missing))).ShouldBeFalse($"p{missing} missing");
    }

    /// <summary>
    /// Escaped strings on the stream path: names, enum values, lengths and uniqueness are decided on the decoded value
    /// (the cursor tells plain text from escaped text, and only plain text skips the decoding).
    /// </summary>
    [Theory]
    [InlineData("""{"properties": {"ab": {"type": "integer"}}, "additionalProperties": false}""", """{"a\u0062": 1}""", true)]
    [InlineData("""{"properties": {"ab": {"type": "integer"}}}""", """{"a\u0062": "x"}""", false)]
    [InlineData("""{"properties": {"ab": {"type": "integer"}}}""", """{"x": 0, "a\u0062": "x"}""", false)]
    [InlineData("""{"enum": ["ab", "cd"]}""", "\"a\\u0062\"", true)]
    [InlineData("""{"enum": ["ab", "cd"]}""", "\"a\\u0063\"", false)]
    [InlineData("""{"type": "string", "maxLength": 2}""", "\"\\u0041\\u0042\"", true)]
    [InlineData("""{"type": "string", "minLength": 3}""", "\"\\u0041\\u0042\"", false)]
    [InlineData("""{"type": "string", "maxLength": 2}""", "\"éé\"", true)]
    [InlineData("""{"type": "string", "pattern": "^ab$"}""", "\"a\\u0062\"", true)]
    [InlineData("""{"type": "array", "uniqueItems": true}""", """["a\u0062", "ab"]""", false)]
    [InlineData("""{"type": "array", "uniqueItems": true}""", """["ab", "cd"]""", true)]
    public void Escaped_strings_are_decided_on_their_decoded_value(string schema, string document, bool streamAccepts)
    {
        var validator = new JsonSchemaFormat().Parse(SchemaParseRequest.Of(schema)).Schema!.CompileValidator();
        Accepts(validator, document).ShouldBe(streamAccepts);
        using var parsed = JsonDocument.Parse(document);
        // Never more lenient than the element path, which decodes everything.
        if (streamAccepts) validator.Validate(parsed.RootElement).IsValid.ShouldBeTrue();
    }

    [Theory]
    [InlineData("tool-call")]
    [InlineData("chat-completion")]
    [InlineData("trace-event")]
    public void Peer_schemas_take_the_compiled_path_and_valid_payloads_allocate_nothing(string name)
    {
        var validator = PrivateValidator(name);
        validator.Engine.ShouldBe("compiled");
        using var document = JsonDocument.Parse(PeerPayloads.Valid(name));
        var element = document.RootElement;
        // Warm up: JIT, the thread's evaluation context, pooled buffers.
        for (var i = 0; i < 50; i++) validator.Validate(element).IsValid.ShouldBeTrue();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            if (!validator.Validate(element).IsValid) throw new InvalidOperationException("valid payload refused");
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        allocated.ShouldBe(0, $"{allocated} bytes over 1000 validations of the valid {name} payload");
    }

    [Theory]
    [InlineData("tool-call", 5)]
    [InlineData("chat-completion", 14)]
    [InlineData("trace-event", 28)]
    public void Invalid_peer_payloads_get_every_explaining_error(string name, int atLeast)
    {
        var outcome = Validate(PeerPayloads.Schema(name), PeerPayloads.Invalid(name));
        outcome.IsValid.ShouldBeFalse();
        outcome.Errors.Count.ShouldBeGreaterThanOrEqualTo(atLeast);
        outcome.Errors.ShouldAllBe(e => e.Keyword.Length > 0 && e.Message.Length > 0 && e.SchemaPath.EndsWith("/" + e.Keyword));
    }

    [Fact]
    public void A_passing_anyOf_branch_is_not_reported_when_the_document_fails_elsewhere()
    {
        // The library's list output would report /parent_span_id against {"type": "null"}: noise, the property is valid.
        var document = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(PeerPayloads.Valid("trace-event"))!;
        document["schema_version"] = JsonSerializer.SerializeToElement("2.0");
        var outcome = Validate(PeerPayloads.Schema("trace-event"), JsonSerializer.Serialize(document));
        outcome.Errors.ShouldHaveSingleItem().SchemaPath.ShouldBe("/properties/schema_version/const");
    }

    [Fact]
    public void Lengths_count_code_points_on_both_paths()
    {
        // "e" + combining acute accent: two code points, one grapheme (JsonSchema.Net's own handler counts graphemes).
        var parsed = Parse("""{"maxLength": 1}""");
        using var document = JsonDocument.Parse("\"e\\u0301\"");
        parsed.CompileValidator().Validate(document.RootElement).IsValid.ShouldBeFalse();
        parsed.CompileLibraryValidator().Validate(document.RootElement).IsValid.ShouldBeFalse();
        using var emoji = JsonDocument.Parse("\"\\uD83D\\uDCA9\"");
        parsed.CompileValidator().Validate(emoji.RootElement).IsValid.ShouldBeTrue();
        parsed.CompileLibraryValidator().Validate(emoji.RootElement).IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Not_and_oneOf_failures_are_errors_of_their_own()
    {
        var not = Validate("""{"not": {"type": "string"}}""", "\"x\"").Errors.ShouldHaveSingleItem();
        (not.SchemaPath, not.Keyword).ShouldBe(("/not", "not"));
        var oneOf = Validate("""{"oneOf": [{"type": "integer"}, {"minimum": 0}]}""", "1").Errors.ShouldHaveSingleItem();
        (oneOf.SchemaPath, oneOf.Keyword).ShouldBe(("/oneOf", "oneOf"));
        oneOf.Message.ShouldContain("2");
    }

    [Fact]
    public void Big_numbers_and_decimal_multiples_are_exact()
    {
        Validate("""{"multipleOf": 0.1}""", "0.3").IsValid.ShouldBeTrue();
        Validate("""{"multipleOf": 0.01}""", "19.99").IsValid.ShouldBeTrue();
        Validate("""{"multipleOf": 0.01}""", "19.999").IsValid.ShouldBeFalse();
        Validate("""{"maximum": 12345678901234567890123}""", "12345678901234567890124").IsValid.ShouldBeFalse();
        Validate("""{"minimum": 1e-400}""", "1e-401").IsValid.ShouldBeFalse();
        Validate("""{"multipleOf": 123456789012345678901}""", "246913578024691357802").IsValid.ShouldBeTrue();
        Validate("""{"type": "integer"}""", "1.0").IsValid.ShouldBeTrue();
        Validate("""{"enum": [1, "a\u00e9"]}""", "1.00").IsValid.ShouldBeTrue();
        Validate("""{"enum": [1, "a\u00e9"]}""", "\"a\\u00e9\"").IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Schemas_the_compiler_does_not_cover_take_the_library_path()
    {
        var parsed = Parse("""{"$schema": "https://json-schema.org/draft/2019-09/schema", "type": "string"}""");
        var validator = parsed.CompileValidator();
        validator.Engine.ShouldBe("library");
        parsed.LibraryFallbackReason.ShouldNotBeNull().ShouldContain("2019-09");
        using var document = JsonDocument.Parse("1");
        validator.Validate(document.RootElement).IsValid.ShouldBeFalse();
    }

    [Fact]
    public void Property_names_are_validated_in_place()
    {
        var outcome = Validate("""{"propertyNames": {"pattern": "^[a-z]+$", "maxLength": 3}}""", """{"abc": 1, "Abcd": 2}""");
        outcome.Errors.Select(e => (e.InstancePath, e.Keyword)).ShouldBe([("/Abcd", "maxLength"), ("/Abcd", "pattern")], ignoreOrder: true);
    }

    [Fact]
    public void One_compiled_validator_serves_concurrent_requests()
    {
        var validator = Parse(PeerPayloads.Schema("chat-completion")).CompileValidator();
        using var valid = JsonDocument.Parse(PeerPayloads.Valid("chat-completion"));
        using var invalid = JsonDocument.Parse(PeerPayloads.Invalid("chat-completion"));
        var expected = validator.Validate(invalid.RootElement).Errors.Count;
        Parallel.For(0, 2000, i =>
        {
            if (i % 2 == 0) validator.Validate(valid.RootElement).ShouldBeSameAs(ValidationOutcome.Valid);
            else validator.Validate(invalid.RootElement).Errors.Count.ShouldBe(expected);
        });
    }
}
