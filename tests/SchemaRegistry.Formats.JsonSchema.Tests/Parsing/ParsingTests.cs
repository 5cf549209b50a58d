using SchemaRegistry.Core.Formats;
using SchemaRegistry.Formats.JsonSchema.Drafts;
using static SchemaRegistry.Formats.JsonSchema.Tests.Support.Schemas;

namespace SchemaRegistry.Formats.JsonSchema.Tests.Parsing;

public sealed class ParsingTests
{
    [Theory]
    [InlineData("http://json-schema.org/draft-04/schema#", JsonSchemaDraft.Draft4)]
    [InlineData("http://json-schema.org/draft-06/schema#", JsonSchemaDraft.Draft6)]
    [InlineData("http://json-schema.org/draft-07/schema#", JsonSchemaDraft.Draft7)]
    [InlineData("http://json-schema.org/draft-07/schema", JsonSchemaDraft.Draft7)]
    [InlineData("https://json-schema.org/draft/2019-09/schema", JsonSchemaDraft.Draft201909)]
    [InlineData("https://json-schema.org/draft/2020-12/schema", JsonSchemaDraft.Draft202012)]
    public void The_draft_is_chosen_by_schema(string uri, JsonSchemaDraft draft) =>
        Parse($$"""{"$schema": "{{uri}}", "type": "string"}""").Draft.ShouldBe(draft);

    [Fact]
    public void Without_schema_the_draft_is_2020_12() => Parse("""{"type": "string"}""").Draft.ShouldBe(JsonSchemaDraft.Draft202012);

    [Fact]
    public void The_default_draft_can_be_configured()
    {
        var format = new JsonSchemaFormat(new JsonSchemaFormatOptions { DefaultDraft = JsonSchemaDraft.Draft7 });
        ((ParsedJsonSchema)format.Parse(SchemaParseRequest.Of("""{"type": "string"}""")).Schema!).Draft.ShouldBe(JsonSchemaDraft.Draft7);
    }

    [Fact]
    public void The_draft_decides_what_items_means()
    {
        // In draft 7 an items array is positional; in 2020-12 an items array is not a valid schema.
        Parse("""{"$schema": "http://json-schema.org/draft-07/schema#", "items": [{"type": "string"}]}""");
        Refusal("""{"$schema": "https://json-schema.org/draft/2020-12/schema", "items": [{"type": "string"}]}""").ShouldStartWith("/items");
    }

    [Fact]
    public void An_unknown_schema_uri_is_refused_naming_the_supported_ones()
    {
        var message = Refusal("""{"$schema": "http://example.com/my-dialect", "type": "string"}""");
        message.ShouldContain("http://example.com/my-dialect");
        foreach (var supported in Dialects.SupportedUris) message.ShouldContain(supported);
    }

    [Theory]
    [InlineData("[]", "array")]
    [InlineData("\"string\"", "string")]
    [InlineData("42", "number")]
    [InlineData("null", "null")]
    public void The_text_must_be_an_object_or_a_boolean(string text, string kind) => Refusal(text).ShouldContain(kind);

    [Theory]
    [InlineData("true")]
    [InlineData("false")]
    [InlineData("{}")]
    public void Booleans_and_the_empty_object_are_schemas(string text) => Parse(text).CanonicalText.ShouldBe(text);

    [Fact]
    public void Invalid_json_is_refused_with_its_position() =>
        Refusal("""{"type": "string",}""").ShouldContain("not valid JSON");

    [Fact]
    public void An_invalid_keyword_value_is_refused_with_its_location() =>
        Refusal("""{"properties": {"age": {"type": "integer", "minimum": "5"}}}""").ShouldStartWith("/properties/age/minimum:");

    [Theory]
    [InlineData("""{"type": "strng"}""", "/type")]
    [InlineData("""{"required": "name"}""", "/required")]
    [InlineData("""{"properties": {"a": {"maxLength": -1}}}""", "/properties/a/maxLength")]
    [InlineData("""{"$schema": "http://json-schema.org/draft-07/schema#", "items": [{"minItems": 1.5}]}""", "/items/0/minItems")]
    [InlineData("""{"$schema": "http://json-schema.org/draft-04/schema#", "required": []}""", "/required")]
    [InlineData("""{"$schema": "http://json-schema.org/draft-04/schema#", "exclusiveMinimum": 5}""", "/exclusiveMinimum")]
    public void Meta_schema_violations_are_located(string schema, string location) => Refusal(schema).ShouldStartWith(location + ":");

    [Fact]
    public void An_invalid_pattern_is_refused_with_its_location() =>
        Refusal("""{"properties": {"code": {"type": "string", "pattern": "^(ab"}}}""").ShouldStartWith("/properties/code/pattern:");

    [Fact]
    public void An_invalid_pattern_property_is_refused_with_its_location() =>
        Refusal("""{"patternProperties": {"[a-": {"type": "string"}}}""").ShouldStartWith("/patternProperties/[a-:");

    [Fact]
    public void Unicode_category_names_of_ecma_262_are_accepted_in_patterns()
    {
        Validate("""{"pattern": "^\\p{Letter}+$"}""", "\"πβ\"").IsValid.ShouldBeTrue();
        Validate("""{"pattern": "^\\p{Letter}+$"}""", "\"12\"").IsValid.ShouldBeFalse();
    }

    [Fact]
    public void A_duplicate_member_is_refused_with_its_location() =>
        Refusal("""{"properties": {"a": {"type": "string", "type": "integer"}}}""").ShouldStartWith("/properties/a:");

    [Fact]
    public void A_local_ref_that_resolves_nowhere_is_refused_with_its_location()
    {
        var message = Refusal("""{"properties": {"home": {"$ref": "#/$defs/Address"}}}""");
        message.ShouldStartWith("/properties/home/$ref:");
        message.ShouldContain("#/$defs/Address");
    }

    [Fact]
    public void A_ref_to_a_reference_not_supplied_is_refused_and_never_fetched()
    {
        var message = Refusal("""{"properties": {"home": {"$ref": "https://example.com/address.json"}}}""");
        message.ShouldStartWith("/properties/home/$ref:");
        message.ShouldContain("supplied reference");
    }

    [Theory]
    [InlineData("""{"allOf": [{"$ref": "#"}], "type": "object"}""", "/allOf/0/$ref")]
    [InlineData("""{"anyOf": [{"type": "string"}, {"$ref": "#"}]}""", "/anyOf/1/$ref")]
    [InlineData("""{"not": {"$ref": "#"}}""", "/not/$ref")]
    [InlineData("""{"if": {"$ref": "#/$defs/a"}, "$defs": {"a": {"then": true, "if": {"$ref": "#"}}}}""", "/if/$ref")]
    [InlineData("""{"$schema": "http://json-schema.org/draft-07/schema#", "definitions": {"a": {"allOf": [{"$ref": "#/definitions/b"}]}, "b": {"oneOf": [{"$ref": "#/definitions/a"}]}}, "properties": {"x": {"$ref": "#/definitions/a"}}}""", "/definitions/a/allOf/0/$ref")]
    public void A_schema_that_applies_itself_to_the_same_value_is_refused_before_it_can_overflow_the_stack(string schema, string location)
    {
        // JsonSchema.Net would recurse until the stack overflows, killing the process; the parser must refuse first.
        var message = Refusal(schema);
        message.ShouldContain(location);
        message.ShouldContain("without end");
    }

    [Fact]
    public void A_same_value_cycle_through_a_reference_is_refused()
    {
        var other = Reference("other.json", """{"anyOf": [{"$ref": "https://schema-registry.invalid/schema.json"}]}""");
        Refusal("""{"allOf": [{"$ref": "other.json"}]}""", other).ShouldContain("without end");
    }

    [Fact]
    public void A_reference_chain_too_deep_for_an_ordinary_stack_is_refused_without_harm()
    {
        // 3000 definitions, each applying the next to the same value: acyclic, but evaluating it would need a stack
        // far deeper than a request thread has. Parsing runs on a large stack and refuses it.
        var definitions = string.Join(",", Enumerable.Range(0, 3000).Select(i => i == 2999
            ? $"\"d{i}\": {{\"type\": \"string\"}}"
            : $"\"d{i}\": {{\"anyOf\": [{{\"$ref\": \"#/$defs/d{i + 1}\"}}, {{\"type\": \"null\"}}]}}"));
        Refusal($"{{\"$defs\": {{{definitions}}}, \"$ref\": \"#/$defs/d0\"}}").ShouldContain("too deeply");
    }

    [Fact]
    public void A_schema_with_an_absurd_number_of_subschemas_is_refused()
    {
        var properties = string.Join(",", Enumerable.Range(0, 60_000).Select(i => $"\"p{i}\": {{}}"));
        Refusal($"{{\"properties\": {{{properties}}}}}").ShouldContain("at most 50000");
    }

    [Fact]
    public void Recursion_through_properties_and_items_is_fine()
    {
        Parse("""{"properties": {"next": {"$ref": "#"}}, "items": {"$ref": "#"}, "anyOf": [{"type": "null"}, {"properties": {"child": {"$ref": "#"}}}]}""");
        Parse("""{"propertyNames": {"$ref": "#"}, "maxLength": 3}""");
    }

    [Fact]
    public void A_ref_cycle_is_refused() =>
        Refusal("""{"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"$ref": "#/$defs/a"}}, "$ref": "#/$defs/a"}""").ShouldContain("/$defs/a/$ref -> /$defs/b/$ref");

    [Fact]
    public void Refs_resolve_to_defs_definitions_anchors_and_ids()
    {
        Validate("""{"$defs": {"a": {"type": "string"}}, "$ref": "#/$defs/a"}""", "5").IsValid.ShouldBeFalse();
        Validate("""{"$schema": "http://json-schema.org/draft-07/schema#", "definitions": {"a": {"$id": "#A", "type": "string"}}, "properties": {"x": {"$ref": "#A"}}}""", """{"x": 5}""").IsValid.ShouldBeFalse();
        Validate("""{"$defs": {"a": {"$anchor": "A", "type": "string"}}, "properties": {"x": {"$ref": "#A"}}}""", """{"x": "s"}""").IsValid.ShouldBeTrue();
        Validate("""{"$id": "https://example.com/root.json", "$defs": {"a": {"$id": "address.json", "type": "string"}}, "properties": {"x": {"$ref": "address.json"}}}""", """{"x": 5}""").IsValid.ShouldBeFalse();
    }

    [Fact]
    public void References_are_resolved_by_name_only_from_the_supplied_list()
    {
        var address = Reference("address.json", """{"type": "object", "properties": {"street": {"type": "string"}}, "required": ["street"]}""");
        var schema = Parse("""{"properties": {"home": {"$ref": "address.json"}}}""", address);
        schema.References.Single().Name.ShouldBe("address.json");
        var validator = schema.CompileValidator();
        using var valid = System.Text.Json.JsonDocument.Parse("""{"home": {"street": "Main"}}""");
        using var invalid = System.Text.Json.JsonDocument.Parse("""{"home": {}}""");
        validator.Validate(valid.RootElement).IsValid.ShouldBeTrue();
        validator.Validate(invalid.RootElement).IsValid.ShouldBeFalse();
    }

    [Fact]
    public void Reference_names_resolve_against_the_schema_id()
    {
        var address = Reference("address.json", """{"type": "string"}""");
        Validate2("""{"$id": "https://example.com/schemas/customer.json", "properties": {"home": {"$ref": "address.json"}}}""", [address], """{"home": 5}""").ShouldBeFalse();
        Validate2("""{"$id": "https://example.com/schemas/customer.json", "properties": {"home": {"$ref": "https://example.com/schemas/address.json"}}}""", [address], """{"home": 5}""").ShouldBeFalse();
    }

    [Fact]
    public void Transitive_references_are_flattened()
    {
        var street = Reference("street.json", """{"type": "string", "minLength": 1}""");
        var address = Reference("address.json", """{"type": "object", "properties": {"street": {"$ref": "street.json"}}}""", street);
        Validate2("""{"properties": {"home": {"$ref": "address.json"}}}""", [address], """{"home": {"street": ""}}""").ShouldBeFalse();
        Validate2("""{"properties": {"home": {"$ref": "address.json"}}}""", [address], """{"home": {"street": "x"}}""").ShouldBeTrue();
    }

    [Fact]
    public void A_transitive_reference_that_is_missing_is_refused_naming_the_reference()
    {
        var address = Reference("address.json", """{"properties": {"street": {"$ref": "street.json"}}}""");
        var message = Refusal("""{"properties": {"home": {"$ref": "address.json"}}}""", address);
        message.ShouldContain("reference \"address.json\"");
        message.ShouldContain("street.json");
    }

    [Fact]
    public void A_reference_of_another_format_is_refused() =>
        Refusal("""{"$ref": "user"}""", new ResolvedReference("user", "users", 1, "AVRO", """{"type": "record", "name": "U", "fields": []}""", []))
            .ShouldContain("AVRO");

    [Fact]
    public void Two_subjects_may_use_the_same_id_with_different_content()
    {
        // Each parse builds in its own registry: nothing registered by one schema is visible to another.
        var strings = Parse("""{"$id": "https://example.com/shared.json", "type": "string"}""").CompileValidator();
        var numbers = Parse("""{"$id": "https://example.com/shared.json", "type": "number"}""").CompileValidator();
        using var text = System.Text.Json.JsonDocument.Parse("\"x\"");
        strings.Validate(text.RootElement).IsValid.ShouldBeTrue();
        numbers.Validate(text.RootElement).IsValid.ShouldBeFalse();
        // And an id parsed earlier never satisfies a reference of a later schema.
        Refusal("""{"$ref": "https://example.com/shared.json"}""").ShouldContain("supplied reference");
    }

    [Fact]
    public void A_reference_may_share_no_id_with_the_schema() =>
        Refusal("""{"$id": "https://example.com/a.json", "$ref": "b.json"}""", Reference("b.json", """{"$id": "https://example.com/a.json"}"""))
            .ShouldContain("cannot");

    [Fact]
    public void A_custom_meta_schema_supplied_as_a_reference_is_accepted_and_enforced()
    {
        var meta = Reference("https://example.com/meta", """
            {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://example.com/meta",
             "$vocabulary": {"https://json-schema.org/draft/2020-12/vocab/core": true, "https://json-schema.org/draft/2020-12/vocab/applicator": true, "https://json-schema.org/draft/2020-12/vocab/validation": true},
             "allOf": [{"$ref": "https://json-schema.org/draft/2020-12/schema"}], "required": ["title"]}
            """);
        Parse("""{"$schema": "https://example.com/meta", "title": "T", "type": "string"}""", meta).Draft.ShouldBe(JsonSchemaDraft.Draft202012);
        Refusal("""{"$schema": "https://example.com/meta", "type": "string"}""", meta).ShouldContain("title");
    }

    [Fact]
    public void Draft_4_boolean_exclusive_bounds_are_understood()
    {
        const string schema = """{"$schema": "http://json-schema.org/draft-04/schema#", "type": "number", "minimum": 10, "exclusiveMinimum": true, "maximum": 20}""";
        Validate(schema, "10").IsValid.ShouldBeFalse();
        Validate(schema, "10.5").IsValid.ShouldBeTrue();
        Validate(schema, "20").IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Draft_4_id_sets_the_base_uri()
    {
        const string schema = """{"$schema": "http://json-schema.org/draft-04/schema#", "id": "https://example.com/root.json", "definitions": {"a": {"id": "a.json", "type": "string"}}, "properties": {"x": {"$ref": "a.json"}}}""";
        Validate(schema, """{"x": 1}""").IsValid.ShouldBeFalse();
        Validate(schema, """{"x": "s"}""").IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Draft_4_ignores_keywords_it_does_not_have() =>
        Validate("""{"$schema": "http://json-schema.org/draft-04/schema#", "const": 1}""", "2").IsValid.ShouldBeTrue();

    [Fact]
    public void Parsing_never_throws_on_hostile_input()
    {
        foreach (var text in new[] { "", "   ", "{", "{\"$ref\": 5}", "{\"minimum\": 1e400}", "{\"$id\": \"::\"}", "{\"$schema\": 5}", "{\"$dynamicRef\": \"#nowhere\"}", new string('[', 100) + new string(']', 100) })
        {
            var result = Format.Parse(SchemaParseRequest.Of(text));
            (result.Success || result.Error is { Length: > 0 }).ShouldBeTrue(text);
        }
    }

    private static bool Validate2(string schema, ResolvedReference[] references, string document)
    {
        using var parsed = System.Text.Json.JsonDocument.Parse(document);
        return Parse(schema, references).CompileValidator().Validate(parsed.RootElement).IsValid;
    }
}
