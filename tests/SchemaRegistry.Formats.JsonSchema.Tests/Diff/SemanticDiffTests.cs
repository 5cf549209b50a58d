using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Core.Formats;
using SchemaRegistry.Formats.JsonSchema.Diff;
using static SchemaRegistry.Formats.JsonSchema.Tests.Support.Schemas;

namespace SchemaRegistry.Formats.JsonSchema.Tests.Diff;

/// <summary>Equivalences and subtleties the diff must see through.</summary>
public sealed class SemanticDiffTests
{
    private static IEnumerable<SchemaChange> Structural(string older, string newer) =>
        Support.Schemas.Diff(older, newer).Where(c => c.Impact != ChangeImpact.Annotation);

    private static void Equivalent(string a, string b)
    {
        Structural(a, b).ShouldBeEmpty($"{a} -> {b}");
        Structural(b, a).ShouldBeEmpty($"{b} -> {a}");
    }

    [Theory]
    [InlineData("""{"anyOf": [{"type": "string"}, {"type": "integer"}]}""", """{"anyOf": [{"type": "integer"}, {"type": "string"}]}""")]
    [InlineData("""{"oneOf": [{"type": "string"}, {"minLength": 3}]}""", """{"oneOf": [{"minLength": 3}, {"type": "string"}]}""")]
    [InlineData("""{"allOf": [{"type": "string"}, {"maxLength": 5}]}""", """{"allOf": [{"maxLength": 5}, {"type": "string"}]}""")]
    public void Combination_branches_match_regardless_of_order(string a, string b) => Equivalent(a, b);

    [Fact]
    public void An_allof_compares_with_the_same_schema_written_inline() =>
        Equivalent("""{"$defs": {"base": {"type": "object", "properties": {"id": {"type": "integer"}}}}, "allOf": [{"$ref": "#/$defs/base"}, {"required": ["id"]}]}""",
            """{"type": "object", "properties": {"id": {"type": "integer"}}, "required": ["id"]}""");

    [Theory]
    [InlineData("""{"type": "string"}""", """{"type": ["string"]}""")]
    [InlineData("""{"type": ["null", "string"]}""", """{"type": ["string", "null"]}""")]
    [InlineData("""{"type": ["integer", "number"]}""", """{"type": "number"}""")]
    public void Type_is_compared_as_a_set(string a, string b) => Equivalent(a, b);

    [Theory]
    [InlineData("""{"properties": {"a": {}}}""", """{"properties": {"a": true}}""")]
    [InlineData("""{"type": "object"}""", """{"type": "object", "additionalProperties": true}""")]
    [InlineData("""{"type": "array"}""", """{"type": "array", "items": {}}""")]
    [InlineData("""{"required": []}""", """{}""")]
    [InlineData("""{"type": "string", "pattern": ".*"}""", """{"type": "string"}""")]
    public void An_absent_keyword_equals_its_neutral_value(string a, string b) => Equivalent(a, b);

    [Fact]
    public void Const_is_an_enum_of_one() => Equivalent("""{"const": "x"}""", """{"enum": ["x"]}""");

    [Fact]
    public void Enum_order_and_number_spelling_do_not_matter() => Equivalent("""{"enum": [1, "a", null]}""", """{"enum": [null, "a", 1.0]}""");

    [Fact]
    public void Integer_is_narrower_than_number()
    {
        Support.Schemas.Diff("""{"type": "number"}""", """{"type": "integer"}""").ShouldContain(c => c.Kind == ChangeKinds.TypeNarrowed && c.Impact == ChangeImpact.Breaking);
        Support.Schemas.Diff("""{"type": "integer"}""", """{"type": "number"}""").ShouldContain(c => c.Kind == ChangeKinds.TypeExtended && c.Impact == ChangeImpact.Compatible);
    }

    [Fact]
    public void Draft_4_boolean_exclusive_bounds_compare_with_draft_6_numeric_ones()
    {
        const string draft4 = """{"$schema": "http://json-schema.org/draft-04/schema#", "type": "number", "minimum": 10, "exclusiveMinimum": true}""";
        const string draft7 = """{"$schema": "http://json-schema.org/draft-07/schema#", "type": "number", "exclusiveMinimum": 10}""";
        Equivalent(draft4, draft7);
        // Inclusive 10 accepts more than exclusive 10.
        Support.Schemas.Diff(draft4, """{"$schema": "http://json-schema.org/draft-07/schema#", "type": "number", "minimum": 10}""")
            .ShouldContain(c => c.Kind == ChangeKinds.MinimumDecreased && c.Impact == ChangeImpact.Compatible);
    }

    [Fact]
    public void Over_integers_an_exclusive_bound_equals_the_next_inclusive_one() =>
        Equivalent("""{"type": "integer", "exclusiveMinimum": 9}""", """{"type": "integer", "minimum": 10}""");

    [Fact]
    public void Id_and_legacy_id_changes_are_annotations()
    {
        var changes = Support.Schemas.Diff("""{"$schema": "http://json-schema.org/draft-07/schema#", "$id": "http://apicur.io/example.json"}""",
            """{"$schema": "http://json-schema.org/draft-07/schema#", "id": "http://apicur.io/example.json"}""");
        changes.ShouldNotBeEmpty();
        changes.ShouldAllBe(c => c.Impact == ChangeImpact.Annotation);
        changes.ShouldContain(c => c.Kind == ChangeKinds.IdChanged);
    }

    [Theory]
    [InlineData("#/definitions/Address", """{"$schema": "http://json-schema.org/draft-07/schema#", "definitions": {"Address": {"type": "object", "properties": {"street": {"type": "string"}}}}, "properties": {"home": {"$ref": "#/definitions/Address"}}}""")]
    [InlineData("#/$defs/Address", """{"$defs": {"Address": {"type": "object", "properties": {"street": {"type": "string"}}}}, "properties": {"home": {"$ref": "#/$defs/Address"}}}""")]
    [InlineData("#Address", """{"$defs": {"Address": {"$anchor": "Address", "type": "object", "properties": {"street": {"type": "string"}}}}, "properties": {"home": {"$ref": "#Address"}}}""")]
    [InlineData("#Address (draft 7 $id)", """{"$schema": "http://json-schema.org/draft-07/schema#", "definitions": {"Address": {"$id": "#Address", "type": "object", "properties": {"street": {"type": "string"}}}}, "properties": {"home": {"$ref": "#Address"}}}""")]
    public void References_are_followed_before_comparing(string form, string withReference)
    {
        const string inline = """{"properties": {"home": {"type": "object", "properties": {"street": {"type": "string"}}}}}""";
        Equivalent(withReference, inline);
        var narrowed = withReference.Replace("\"street\": {\"type\": \"string\"}", "\"street\": {\"type\": \"string\", \"maxLength\": 5}", StringComparison.Ordinal);
        Support.Schemas.Diff(withReference, narrowed).ShouldContain(c => c.Kind == ChangeKinds.MaxLengthAdded && c.Impact == ChangeImpact.Breaking, form);
    }

    [Fact]
    public void References_to_other_subjects_are_compared_through_their_text()
    {
        var v1 = Reference("address.json", """{"type": "object", "properties": {"zip": {"type": "string"}}}""");
        var v2 = Reference("address.json", """{"type": "object", "properties": {"zip": {"type": "string", "pattern": "^[0-9]+$"}}}""");
        const string schema = """{"properties": {"home": {"$ref": "address.json"}}}""";
        var changes = Parse(schema, v2).DiffFrom(Parse(schema, v1));
        changes.ShouldContain(c => c.Kind == ChangeKinds.PatternAdded && c.Impact == ChangeImpact.Breaking && c.Path == "/properties/home/$ref/properties/zip/pattern");
        Parse(schema, v1).DiffFrom(Parse(schema, v1)).ShouldBeEmpty();
    }

    [Fact]
    public void A_recursive_schema_compared_with_itself_terminates_and_is_compatible()
    {
        const string tree = """{"$defs": {"node": {"type": "object", "properties": {"value": {"type": "integer"}, "children": {"type": "array", "items": {"$ref": "#/$defs/node"}}}}}, "$ref": "#/$defs/node"}""";
        Structural(tree, tree).ShouldBeEmpty();
        var relaxed = tree.Replace("\"value\": {\"type\": \"integer\"}", "\"value\": {\"type\": \"number\"}", StringComparison.Ordinal);
        Support.Schemas.Diff(tree, relaxed).ShouldContain(c => c.Kind == ChangeKinds.TypeExtended && c.Path == "/$defs/node/properties/value/type");
        Support.Schemas.Diff(relaxed, tree).ShouldContain(c => c.Kind == ChangeKinds.TypeNarrowed);
    }

    [Fact]
    public void A_recursive_schema_compared_with_its_partly_inlined_form_is_compatible() =>
        Equivalent(
            """{"$schema": "http://json-schema.org/draft-07/schema#", "type": "object", "properties": {"person": {"$ref": "#/definitions/Person"}}, "definitions": {"Person": {"type": "object", "properties": {"name": {"type": "string"}, "children": {"type": "array", "items": {"$ref": "#/definitions/Person"}}}}}}""",
            """{"$schema": "http://json-schema.org/draft-07/schema#", "type": "object", "properties": {"person": {"type": "object", "properties": {"name": {"type": "string"}, "children": {"type": "array", "items": {"$ref": "#/definitions/Person"}}}}}, "definitions": {"Person": {"type": "object", "properties": {"name": {"type": "string"}, "children": {"type": "array", "items": {"$ref": "#/definitions/Person"}}}}}}""");

    [Fact]
    public void A_draft_7_ref_hides_its_siblings()
    {
        // "type": "object" beside a draft-7 $ref is ignored, so changing it changes nothing.
        Equivalent(
            """{"$schema": "http://json-schema.org/draft-07/schema#", "definitions": {"s": {"type": "string"}}, "properties": {"a": {"type": "object", "$ref": "#/definitions/s"}}}""",
            """{"$schema": "http://json-schema.org/draft-07/schema#", "definitions": {"s": {"type": "string"}}, "properties": {"a": {"$ref": "#/definitions/s"}}}""");
    }

    [Fact]
    public void A_discriminated_one_of_behaves_like_an_any_of()
    {
        // Without "type": "object" a string would match both alternatives (properties and required ignore it).
        const string before = """{"type": "object", "oneOf": [{"properties": {"kind": {"const": "a"}, "x": {"type": "string"}}, "required": ["kind"]}, {"properties": {"kind": {"const": "b"}}, "required": ["kind"]}]}""";
        const string after = """{"type": "object", "oneOf": [{"properties": {"kind": {"const": "a"}, "x": {"type": ["string", "null"]}}, "required": ["kind"]}, {"properties": {"kind": {"const": "b"}}, "required": ["kind"]}]}""";
        var changes = Support.Schemas.Diff(before, after);
        changes.ShouldNotContain(c => c.Impact == ChangeImpact.Breaking);
        changes.ShouldContain(c => c.Kind == ChangeKinds.TypeExtended && c.Path == "/oneOf/0/properties/x/type");
        Support.Schemas.Diff(before.Replace("\"type\": \"object\", ", "", StringComparison.Ordinal), after.Replace("\"type\": \"object\", ", "", StringComparison.Ordinal))
            .ShouldContain(c => c.Kind == ChangeKinds.OneOfBranchesMayOverlap);
    }

    [Fact]
    public void Constraints_that_cannot_apply_to_old_values_do_not_break()
    {
        var changes = Support.Schemas.Diff("""{"type": "integer"}""", """{"type": "integer", "minLength": 3, "pattern": "^a"}""");
        changes.ShouldAllBe(c => c.Kind == ChangeKinds.InapplicableKeywordChanged && c.Impact == ChangeImpact.Annotation);
    }

    [Fact]
    public void A_then_branch_is_judged_in_the_context_of_its_schema()
    {
        // The then branch adds "type": "string", which the root already imposes on "data".
        const string before = """{"type": "object", "properties": {"data": {"type": "string"}}, "if": {"required": ["case"]}, "then": {"properties": {"data": {"pattern": "[a-z]*"}}}}""";
        const string after = """{"type": "object", "properties": {"data": {"type": "string"}}, "if": {"required": ["case"]}, "then": {"properties": {"data": {"type": "string"}}}}""";
        Structural(before, after).ShouldNotContain(c => c.Impact == ChangeImpact.Breaking);
        Structural(after, before).ShouldContain(c => c.Kind == ChangeKinds.PatternAdded);
    }

    [Fact]
    public void Unevaluated_properties_beside_alternatives_are_compatible_with_themselves()
    {
        const string schema = """{"anyOf": [{"properties": {"x": {}}}, {"maxLength": 4}], "unevaluatedProperties": {"type": "number"}}""";
        Structural(schema, schema).ShouldBeEmpty();
    }

    [Fact]
    public void A_property_an_alternative_evaluated_is_not_taken_as_unevaluated()
    {
        // {"x": 5} is valid before (the alternative evaluates x); after, x must be a string.
        var changes = Support.Schemas.Diff(
            """{"anyOf": [{"properties": {"x": {}}}], "unevaluatedProperties": false}""",
            """{"anyOf": [{"properties": {"x": {}}}], "unevaluatedProperties": false, "properties": {"x": {"type": "string"}}}""");
        changes.ShouldContain(c => c.Impact == ChangeImpact.Breaking && c.Path == "/properties/x");
        // And an alternative that stops evaluating x makes {"x": 5} unevaluated, hence refused.
        Support.Schemas.Diff("""{"anyOf": [{"properties": {"x": {}}}], "unevaluatedProperties": false}""", """{"anyOf": [{}], "unevaluatedProperties": false}""")
            .ShouldContain(c => c.Impact == ChangeImpact.Breaking);
    }

    [Fact]
    public void Items_matched_by_contains_are_evaluated()
    {
        // Before, every item matches contains and so escapes unevaluatedItems; after, none does.
        Support.Schemas.Diff("""{"contains": {}, "unevaluatedItems": false}""", """{"unevaluatedItems": false}""")
            .ShouldContain(c => c.Impact == ChangeImpact.Breaking);
    }

    [Fact]
    public void Deeply_nested_alternatives_are_compared_in_linear_work()
    {
        static string Chain(string leaf) => "{\"$defs\": {" + string.Join(",", Enumerable.Range(0, 64).Select(i => i == 63
            ? $"\"d{i}\": {{\"type\": \"{leaf}\"}}"
            : $"\"d{i}\": {{\"anyOf\": [{{\"$ref\": \"#/$defs/d{i + 1}\"}}, {{\"type\": \"null\", \"minimum\": {i}}}]}}")) + "}, \"$ref\": \"#/$defs/d0\"}";
        var older = Parse(Chain("string"));
        var newer = Parse(Chain("integer"));
        var changes = SchemaDiff.Compare(older, newer, budget: 10_000);
        changes.ShouldNotContain(c => c.Kind == ChangeKinds.ComparisonTooComplex);
        changes.ShouldContain(c => c.Kind == ChangeKinds.TypeChanged && c.Path == "/$defs/d63/type");
        Structural(Chain("string"), Chain("string")).ShouldBeEmpty();
    }

    [Fact]
    public void Compatibility_levels_are_derived_from_the_diff_in_both_directions()
    {
        var v1 = Parse("""{"type": "object", "properties": {"a": {"type": "string"}}, "additionalProperties": false}""");
        var v2 = Parse("""{"type": "object", "properties": {"a": {"type": "string"}, "b": {"type": "integer"}}, "additionalProperties": false}""");
        var history = new[] { new VersionedSchema(1, v1) };
        CompatibilityChecker.Check(CompatibilityLevel.Backward, v2, history).IsCompatible.ShouldBeTrue();
        CompatibilityChecker.Check(CompatibilityLevel.Forward, v2, history).IsCompatible.ShouldBeFalse();
        CompatibilityChecker.Check(CompatibilityLevel.Full, v2, history).IsCompatible.ShouldBeFalse();
        CompatibilityChecker.Check(CompatibilityLevel.None, v2, history).IsCompatible.ShouldBeTrue();
        var forward = CompatibilityChecker.Check(CompatibilityLevel.Forward, v2, history).Violations.Single();
        forward.Direction.ShouldBe(CompatibilityDirection.Forward);
        forward.Change.Kind.ShouldBe(ChangeKinds.PropertyRemovedFromClosedContentModel);
        forward.Change.Path.ShouldBe("/properties/b");
    }

    [Fact]
    public void Transitive_levels_check_every_earlier_version()
    {
        var v1 = Parse("""{"type": "string", "maxLength": 5}""");
        var v2 = Parse("""{"type": "string", "maxLength": 10}""");
        var v3 = Parse("""{"type": "string", "maxLength": 8}""");
        var history = new[] { new VersionedSchema(1, v1), new VersionedSchema(2, v2) };
        CompatibilityChecker.Check(CompatibilityLevel.Backward, v3, history).IsCompatible.ShouldBeFalse();
        CompatibilityChecker.Check(CompatibilityLevel.BackwardTransitive, v3, history).Violations.Select(v => v.AgainstVersion).ShouldBe([2]);
        CompatibilityChecker.Check(CompatibilityLevel.ForwardTransitive, v3, history).IsCompatible.ShouldBeFalse();
    }
}
