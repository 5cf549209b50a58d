using SchemaRegistry.Formats.JsonSchema.Diff;

namespace SchemaRegistry.Formats.JsonSchema.Tests.Diff;

/// <summary>One example per change kind: an old schema, a new one, and where the change must be reported.</summary>
public sealed record DiffKindCase(string Kind, string Old, string New, string Path)
{
    /// <inheritdoc />
    public override string ToString() => Kind;
}

/// <summary>The examples, one or more per kind of the catalogue.</summary>
public static class DiffKindCases
{
    /// <summary>The same schema declared as draft 7.</summary>
    private static string D7(string schema)
    {
        var body = schema.Trim()[1..].TrimStart();
        const string Declaration = "{\"$schema\": \"http://json-schema.org/draft-07/schema#\"";
        return body == "}" ? Declaration + "}" : Declaration + ", " + body;
    }

    public static IEnumerable<DiffKindCase> All()
    {
        // General
        yield return new(ChangeKinds.SchemaAdded, """{"type": "array"}""", """{"type": "array", "items": {"type": "string"}}""", "/items");
        yield return new(ChangeKinds.SchemaRemoved, """{"type": "array", "items": {"type": "string"}}""", """{"type": "array"}""", "/items");
        yield return new(ChangeKinds.SchemaFalseAdded, """{"properties": {"a": {"type": "string"}}}""", """{"properties": {"a": false}}""", "/properties/a");
        yield return new(ChangeKinds.SchemaFalseRemoved, """{"properties": {"a": false}}""", """{"properties": {"a": {"type": "string"}}}""", "/properties/a");
        yield return new(ChangeKinds.ReferenceChanged,
            """{"$defs": {"a": {"type": "string"}, "b": {"type": "string"}}, "properties": {"x": {"$ref": "#/$defs/a"}}}""",
            """{"$defs": {"a": {"type": "string"}, "b": {"type": "string"}}, "properties": {"x": {"$ref": "#/$defs/b"}}}""", "/properties/x/$ref");
        yield return new(ChangeKinds.ReferenceUnresolvable,
            """{"properties": {"x": {"$ref": "https://json-schema.org/draft/2020-12/schema"}}}""", """{"properties": {"x": {"type": "object"}}}""", "/properties/x");
        yield return new(ChangeKinds.DynamicReferenceChanged,
            """{"$dynamicAnchor": "meta", "$defs": {"o": {"$dynamicAnchor": "other", "type": "string"}}, "properties": {"x": {"$dynamicRef": "#meta"}}}""",
            """{"$dynamicAnchor": "meta", "$defs": {"o": {"$dynamicAnchor": "other", "type": "string"}}, "properties": {"x": {"$dynamicRef": "#other"}}}""", "/properties/x/$dynamicRef");
        yield return new(ChangeKinds.InapplicableKeywordChanged, """{"type": "integer"}""", """{"type": "integer", "maxLength": 3}""", "/maxLength");
        yield return new(ChangeKinds.RedundantConstraintAdded, """{"enum": ["a", "b"]}""", """{"enum": ["a", "b"], "type": "string"}""", "/type");

        // Annotations
        yield return new(ChangeKinds.IdChanged, """{"$id": "https://example.com/a.json"}""", """{"$id": "https://example.com/b.json"}""", "/$id");
        yield return new(ChangeKinds.TitleChanged, """{"title": "A"}""", """{"title": "B"}""", "/title");
        yield return new(ChangeKinds.DescriptionChanged, """{"properties": {"a": {"description": "x"}}}""", """{"properties": {"a": {"description": "y"}}}""", "/properties/a/description");
        yield return new(ChangeKinds.DefaultChanged, """{"default": 1}""", """{"default": 2}""", "/default");
        yield return new(ChangeKinds.ExamplesChanged, """{"examples": [1]}""", """{"examples": [2]}""", "/examples");
        yield return new(ChangeKinds.CommentChanged, """{"$comment": "a"}""", """{"$comment": "b"}""", "/$comment");
        yield return new(ChangeKinds.DeprecatedChanged, """{}""", """{"deprecated": true}""", "/deprecated");
        yield return new(ChangeKinds.ReadOnlyChanged, """{}""", """{"readOnly": true}""", "/readOnly");
        yield return new(ChangeKinds.WriteOnlyChanged, """{}""", """{"writeOnly": true}""", "/writeOnly");
        yield return new(ChangeKinds.DialectChanged, D7("""{"type": "string"}"""), """{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "string"}""", "/$schema");
        yield return new(ChangeKinds.AnchorChanged, """{"$anchor": "a"}""", """{"$anchor": "b"}""", "/$anchor");
        yield return new(ChangeKinds.DefinitionsChanged, """{"$defs": {"a": {}}}""", """{"$defs": {"a": {"type": "string"}}}""", "/$defs");
        yield return new(ChangeKinds.ExtensionKeywordChanged, """{"x-owner": "a"}""", """{"x-owner": "b"}""", "/x-owner");

        // Type
        yield return new(ChangeKinds.TypeExtended, """{"type": "string"}""", """{"type": ["string", "null"]}""", "/type");
        yield return new(ChangeKinds.TypeNarrowed, """{"type": "number"}""", """{"type": "integer"}""", "/type");
        yield return new(ChangeKinds.TypeChanged, """{"type": "string"}""", """{"type": "integer"}""", "/type");

        // Enum and const
        yield return new(ChangeKinds.EnumArrayExtended, """{"enum": ["a"]}""", """{"enum": ["a", "b"]}""", "/enum");
        yield return new(ChangeKinds.EnumArrayNarrowed, """{"enum": ["a", "b"]}""", """{"enum": ["a"]}""", "/enum");
        yield return new(ChangeKinds.EnumArrayChanged, """{"enum": ["a", "b"]}""", """{"enum": ["a", "c"]}""", "/enum");
        yield return new(ChangeKinds.EnumAdded, """{"type": "string"}""", """{"type": "string", "enum": ["a"]}""", "/enum");
        yield return new(ChangeKinds.EnumRemoved, """{"type": "string", "enum": ["a"]}""", """{"type": "string"}""", "/enum");
        yield return new(ChangeKinds.ConstAdded, """{}""", """{"const": 1}""", "/const");
        yield return new(ChangeKinds.ConstRemoved, """{"const": 1}""", """{}""", "/const");
        yield return new(ChangeKinds.ConstChanged, """{"const": 1}""", """{"const": 2}""", "/const");

        // Bounds: every row of the table, every direction.
        foreach (var (prefix, keyword, type, upper, extra) in new[]
        {
            ("MAX_LENGTH", "maxLength", "string", true, ""), ("MIN_LENGTH", "minLength", "string", false, ""),
            ("MAXIMUM", "maximum", "number", true, ""), ("MINIMUM", "minimum", "number", false, ""),
            ("EXCLUSIVE_MAXIMUM", "exclusiveMaximum", "number", true, ""), ("EXCLUSIVE_MINIMUM", "exclusiveMinimum", "number", false, ""),
            ("MAX_ITEMS", "maxItems", "array", true, ""), ("MIN_ITEMS", "minItems", "array", false, ""),
            ("MAX_PROPERTIES", "maxProperties", "object", true, ""), ("MIN_PROPERTIES", "minProperties", "object", false, ""),
            ("MAX_CONTAINS", "maxContains", "array", true, ", \"contains\": {\"type\": \"string\"}"),
            ("MIN_CONTAINS", "minContains", "array", false, ", \"contains\": {\"type\": \"string\"}"),
        })
        {
            var none = $$"""{"type": "{{type}}"{{extra}}}""";
            string With(int value) => $$"""{"type": "{{type}}", "{{keyword}}": {{value}}{{extra}}}""";
            yield return new($"{prefix}_ADDED", none, With(5), "/" + keyword);
            yield return new($"{prefix}_REMOVED", With(5), none, "/" + keyword);
            yield return new($"{prefix}_INCREASED", With(5), With(10), "/" + keyword);
            yield return new($"{prefix}_DECREASED", With(10), With(5), "/" + keyword);
        }
        yield return new(ChangeKinds.MultipleOfAdded, """{"type": "number"}""", """{"type": "number", "multipleOf": 2}""", "/multipleOf");
        yield return new(ChangeKinds.MultipleOfRemoved, """{"type": "number", "multipleOf": 2}""", """{"type": "number"}""", "/multipleOf");
        yield return new(ChangeKinds.MultipleOfReduced, """{"type": "number", "multipleOf": 10}""", """{"type": "number", "multipleOf": 5}""", "/multipleOf");
        yield return new(ChangeKinds.MultipleOfExpanded, """{"type": "number", "multipleOf": 5}""", """{"type": "number", "multipleOf": 10}""", "/multipleOf");
        yield return new(ChangeKinds.MultipleOfChanged, """{"type": "number", "multipleOf": 10}""", """{"type": "number", "multipleOf": 4}""", "/multipleOf");

        // Strings
        yield return new(ChangeKinds.PatternAdded, """{"type": "string"}""", """{"type": "string", "pattern": "^a"}""", "/pattern");
        yield return new(ChangeKinds.PatternRemoved, """{"type": "string", "pattern": "^a"}""", """{"type": "string"}""", "/pattern");
        yield return new(ChangeKinds.PatternChanged, """{"type": "string", "pattern": "^a"}""", """{"type": "string", "pattern": "^b"}""", "/pattern");
        yield return new(ChangeKinds.FormatAdded, """{"type": "string"}""", """{"type": "string", "format": "email"}""", "/format");
        yield return new(ChangeKinds.FormatRemoved, """{"type": "string", "format": "email"}""", """{"type": "string"}""", "/format");
        yield return new(ChangeKinds.FormatChanged, """{"type": "string", "format": "date-time"}""", """{"type": "string", "format": "date"}""", "/format");
        yield return new(ChangeKinds.FormatAnnotationChanged, """{"type": "string"}""", """{"type": "string", "format": "x-invoice-number"}""", "/format");
        yield return new(ChangeKinds.ContentEncodingAdded, """{"type": "string"}""", """{"type": "string", "contentEncoding": "base64"}""", "/contentEncoding");
        yield return new(ChangeKinds.ContentEncodingRemoved, """{"type": "string", "contentEncoding": "base64"}""", """{"type": "string"}""", "/contentEncoding");
        yield return new(ChangeKinds.ContentEncodingChanged, """{"type": "string", "contentEncoding": "base64"}""", """{"type": "string", "contentEncoding": "base32"}""", "/contentEncoding");
        yield return new(ChangeKinds.ContentMediaTypeAdded, """{"type": "string"}""", """{"type": "string", "contentMediaType": "image/png"}""", "/contentMediaType");
        yield return new(ChangeKinds.ContentMediaTypeRemoved, """{"type": "string", "contentMediaType": "image/png"}""", """{"type": "string"}""", "/contentMediaType");
        yield return new(ChangeKinds.ContentMediaTypeChanged, """{"type": "string", "contentMediaType": "image/png"}""", """{"type": "string", "contentMediaType": "image/jpeg"}""", "/contentMediaType");
        yield return new(ChangeKinds.ContentSchemaAdded, """{"type": "string", "contentMediaType": "application/json"}""",
            """{"type": "string", "contentMediaType": "application/json", "contentSchema": {"type": "object"}}""", "/contentSchema");
        yield return new(ChangeKinds.ContentSchemaRemoved, """{"type": "string", "contentMediaType": "application/json", "contentSchema": {"type": "object"}}""",
            """{"type": "string", "contentMediaType": "application/json"}""", "/contentSchema");

        // Objects
        const string Open = """{"type": "object", "properties": {"a": {}}}""";
        const string OpenWithB = """{"type": "object", "properties": {"a": {}, "b": {"type": "string"}}}""";
        const string Closed = """{"type": "object", "properties": {"a": {}}, "additionalProperties": false}""";
        const string ClosedWithB = """{"type": "object", "properties": {"a": {}, "b": {"type": "string"}}, "additionalProperties": false}""";
        const string Partial = """{"type": "object", "properties": {"a": {}}, "additionalProperties": {"type": "string"}}""";
        const string PartialWithB = """{"type": "object", "properties": {"a": {}, "b": {"type": "string"}}, "additionalProperties": {"type": "string"}}""";
        const string PartialWithIntegerB = """{"type": "object", "properties": {"a": {}, "b": {"type": "integer"}}, "additionalProperties": {"type": "string"}}""";
        yield return new(ChangeKinds.PropertyAddedToOpenContentModel, Open, OpenWithB, "/properties/b");
        yield return new(ChangeKinds.PropertyWithEmptySchemaAddedToOpenContentModel, Open, """{"type": "object", "properties": {"a": {}, "b": {}}}""", "/properties/b");
        yield return new(ChangeKinds.OptionalPropertyAddedToUnopenContentModel, Closed, ClosedWithB, "/properties/b");
        yield return new(ChangeKinds.RequiredPropertyAddedToUnopenContentModel, Closed,
            """{"type": "object", "properties": {"a": {}, "b": {"type": "string"}}, "required": ["b"], "additionalProperties": false}""", "/properties/b");
        yield return new(ChangeKinds.PropertyAddedIsCoveredByPartiallyOpenContentModel, Partial, PartialWithB, "/properties/b");
        yield return new(ChangeKinds.PropertyAddedNotCoveredByPartiallyOpenContentModel, Partial, PartialWithIntegerB, "/properties/b");
        yield return new(ChangeKinds.PropertyRemovedFromOpenContentModel, OpenWithB, Open, "/properties/b");
        yield return new(ChangeKinds.PropertyRemovedFromClosedContentModel, ClosedWithB, Closed, "/properties/b");
        yield return new(ChangeKinds.PropertyWithFalseRemovedFromClosedContentModel,
            """{"type": "object", "properties": {"a": {}, "b": false}, "additionalProperties": false}""", Closed, "/properties/b");
        yield return new(ChangeKinds.PropertyRemovedIsCoveredByPartiallyOpenContentModel, PartialWithB, Partial, "/properties/b");
        yield return new(ChangeKinds.PropertyRemovedNotCoveredByPartiallyOpenContentModel, PartialWithIntegerB, Partial, "/properties/b");
        yield return new(ChangeKinds.RequiredAttributeAdded, Open, """{"type": "object", "properties": {"a": {}}, "required": ["a"]}""", "/required/0");
        yield return new(ChangeKinds.RequiredAttributeRemoved, """{"type": "object", "properties": {"a": {}}, "required": ["a"]}""", Open, "/required/0");
        yield return new(ChangeKinds.AdditionalPropertiesAdded, Closed, Open, "/additionalProperties");
        yield return new(ChangeKinds.AdditionalPropertiesRemoved, Open, Closed, "/additionalProperties");
        yield return new(ChangeKinds.AdditionalPropertiesExtended, Partial, Open, "/additionalProperties");
        yield return new(ChangeKinds.AdditionalPropertiesNarrowed, Open, Partial, "/additionalProperties");
        yield return new(ChangeKinds.UnevaluatedPropertiesAdded, """{"unevaluatedProperties": false}""", """{}""", "/unevaluatedProperties");
        yield return new(ChangeKinds.UnevaluatedPropertiesRemoved, """{}""", """{"unevaluatedProperties": false}""", "/unevaluatedProperties");
        yield return new(ChangeKinds.UnevaluatedPropertiesExtended, """{"unevaluatedProperties": {"type": "string"}}""", """{}""", "/unevaluatedProperties");
        yield return new(ChangeKinds.UnevaluatedPropertiesNarrowed, """{}""", """{"unevaluatedProperties": {"type": "string"}}""", "/unevaluatedProperties");
        yield return new(ChangeKinds.PatternPropertiesAddedCovered, """{"additionalProperties": false}""",
            """{"patternProperties": {"^s_": {"type": "string"}}, "additionalProperties": false}""", "/patternProperties/^s_");
        yield return new(ChangeKinds.PatternPropertiesAddedNotCovered, """{}""", """{"patternProperties": {"^s_": {"type": "string"}}}""", "/patternProperties/^s_");
        yield return new(ChangeKinds.PatternPropertiesRemovedCovered, """{"patternProperties": {"^s_": {"type": "string"}}}""", """{}""", "/patternProperties/^s_");
        yield return new(ChangeKinds.PatternPropertiesRemovedNotCovered, """{"patternProperties": {"^s_": {"type": "string"}}, "additionalProperties": {"type": "integer"}}""",
            """{"additionalProperties": {"type": "integer"}}""", "/patternProperties/^s_");
        yield return new(ChangeKinds.PropertyNamesAdded, """{}""", """{"propertyNames": {"maxLength": 3}}""", "/propertyNames");
        yield return new(ChangeKinds.PropertyNamesRemoved, """{"propertyNames": {"maxLength": 3}}""", """{}""", "/propertyNames");
        yield return new(ChangeKinds.DependencyArrayAdded, """{}""", """{"dependentRequired": {"a": ["b"]}}""", "/dependentRequired/a");
        yield return new(ChangeKinds.DependencyArrayRemoved, """{"dependentRequired": {"a": ["b"]}}""", """{}""", "/dependentRequired/a");
        yield return new(ChangeKinds.DependencyArrayExtended, """{"dependentRequired": {"a": ["b"]}}""", """{"dependentRequired": {"a": ["b", "c"]}}""", "/dependentRequired/a");
        yield return new(ChangeKinds.DependencyArrayNarrowed, """{"dependentRequired": {"a": ["b", "c"]}}""", """{"dependentRequired": {"a": ["b"]}}""", "/dependentRequired/a");
        yield return new(ChangeKinds.DependencyArrayChanged, """{"dependentRequired": {"a": ["b"]}}""", """{"dependentRequired": {"a": ["c"]}}""", "/dependentRequired/a");
        yield return new(ChangeKinds.DependencyArrayExtended, D7("""{"dependencies": {"a": ["b"]}}"""), D7("""{"dependencies": {"a": ["b", "c"]}}"""), "/dependencies/a");
        yield return new(ChangeKinds.DependencySchemaAdded, """{}""", """{"dependentSchemas": {"a": {"required": ["b"]}}}""", "/dependentSchemas/a");
        yield return new(ChangeKinds.DependencySchemaRemoved, """{"dependentSchemas": {"a": {"required": ["b"]}}}""", """{}""", "/dependentSchemas/a");
        yield return new(ChangeKinds.DependencySchemaAdded, D7("""{}"""), D7("""{"dependencies": {"a": {"required": ["b"]}}}"""), "/dependencies/a");

        // Arrays
        yield return new(ChangeKinds.ItemAddedToOpenContentModel, """{"prefixItems": [{}]}""", """{"prefixItems": [{}, {"type": "string"}]}""", "/prefixItems/1");
        yield return new(ChangeKinds.ItemWithEmptySchemaAddedToOpenContentModel, """{"prefixItems": [{}]}""", """{"prefixItems": [{}, {}]}""", "/prefixItems/1");
        yield return new(ChangeKinds.ItemAddedToClosedContentModel, """{"prefixItems": [{}], "items": false}""", """{"prefixItems": [{}, {"type": "string"}], "items": false}""", "/prefixItems/1");
        yield return new(ChangeKinds.ItemAddedIsCoveredByPartiallyOpenContentModel, """{"prefixItems": [{}], "items": {"type": "string"}}""",
            """{"prefixItems": [{}, {"type": "string"}], "items": {"type": "string"}}""", "/prefixItems/1");
        yield return new(ChangeKinds.ItemAddedNotCoveredByPartiallyOpenContentModel, """{"prefixItems": [{}], "items": {"type": "string"}}""",
            """{"prefixItems": [{}, {"type": "integer"}], "items": {"type": "string"}}""", "/prefixItems/1");
        yield return new(ChangeKinds.ItemRemovedFromOpenContentModel, """{"prefixItems": [{}, {"type": "string"}]}""", """{"prefixItems": [{}]}""", "/prefixItems/1");
        yield return new(ChangeKinds.ItemRemovedFromClosedContentModel, """{"prefixItems": [{}, {"type": "string"}], "items": false}""", """{"prefixItems": [{}], "items": false}""", "/prefixItems/1");
        yield return new(ChangeKinds.ItemWithFalseRemovedFromClosedContentModel, """{"prefixItems": [{}, false], "items": false}""", """{"prefixItems": [{}], "items": false}""", "/prefixItems/1");
        yield return new(ChangeKinds.ItemRemovedIsCoveredByPartiallyOpenContentModel, """{"prefixItems": [{}, {"type": "string"}], "items": {"type": "string"}}""",
            """{"prefixItems": [{}], "items": {"type": "string"}}""", "/prefixItems/1");
        yield return new(ChangeKinds.ItemRemovedNotCoveredByPartiallyOpenContentModel, """{"prefixItems": [{}, {"type": "integer"}], "items": {"type": "string"}}""",
            """{"prefixItems": [{}], "items": {"type": "string"}}""", "/prefixItems/1");
        yield return new(ChangeKinds.ItemAddedToOpenContentModel, D7("""{"items": [{}]}"""), D7("""{"items": [{}, {"type": "string"}]}"""), "/items/1");
        yield return new(ChangeKinds.AdditionalItemsAdded, D7("""{"items": [{}], "additionalItems": false}"""), D7("""{"items": [{}]}"""), "/additionalItems");
        yield return new(ChangeKinds.AdditionalItemsRemoved, D7("""{"items": [{}]}"""), D7("""{"items": [{}], "additionalItems": false}"""), "/additionalItems");
        yield return new(ChangeKinds.AdditionalItemsExtended, D7("""{"items": [{}], "additionalItems": {"type": "string"}}"""), D7("""{"items": [{}]}"""), "/additionalItems");
        yield return new(ChangeKinds.AdditionalItemsNarrowed, D7("""{"items": [{}]}"""), D7("""{"items": [{}], "additionalItems": {"type": "string"}}"""), "/additionalItems");
        yield return new(ChangeKinds.AdditionalItemsRemoved, """{"prefixItems": [{}]}""", """{"prefixItems": [{}], "items": false}""", "/items");
        yield return new(ChangeKinds.UnevaluatedItemsAdded, """{"unevaluatedItems": false}""", """{}""", "/unevaluatedItems");
        yield return new(ChangeKinds.UnevaluatedItemsRemoved, """{}""", """{"unevaluatedItems": false}""", "/unevaluatedItems");
        yield return new(ChangeKinds.UnevaluatedItemsExtended, """{"unevaluatedItems": {"type": "string"}}""", """{}""", "/unevaluatedItems");
        yield return new(ChangeKinds.UnevaluatedItemsNarrowed, """{}""", """{"unevaluatedItems": {"type": "string"}}""", "/unevaluatedItems");
        yield return new(ChangeKinds.UniqueItemsAdded, """{"type": "array"}""", """{"type": "array", "uniqueItems": true}""", "/uniqueItems");
        yield return new(ChangeKinds.UniqueItemsRemoved, """{"type": "array", "uniqueItems": true}""", """{"type": "array"}""", "/uniqueItems");
        yield return new(ChangeKinds.ContainsAdded, """{"type": "array"}""", """{"type": "array", "contains": {"type": "string"}}""", "/contains");
        yield return new(ChangeKinds.ContainsRemoved, """{"type": "array", "contains": {"type": "string"}}""", """{"type": "array"}""", "/contains");
        yield return new(ChangeKinds.ContainsChanged, """{"contains": {"type": "string"}, "maxContains": 2}""", """{"contains": {"type": ["string", "integer"]}, "maxContains": 2}""", "/contains");

        // Combinations
        yield return new(ChangeKinds.SumTypeExtended, """{"anyOf": [{"type": "string"}]}""", """{"anyOf": [{"type": "string"}, {"type": "integer"}]}""", "/anyOf/1");
        yield return new(ChangeKinds.SumTypeNarrowed, """{"anyOf": [{"type": "string"}, {"type": "integer"}]}""", """{"anyOf": [{"type": "string"}]}""", "/anyOf/1");
        yield return new(ChangeKinds.SumTypeAdded, """{"type": "string"}""", """{"anyOf": [{"type": "integer"}, {"type": "null"}]}""", "/anyOf");
        yield return new(ChangeKinds.SumTypeRemoved, """{"anyOf": [{"type": "integer"}, {"type": "null"}]}""", """{"type": "string"}""", "/anyOf");
        yield return new(ChangeKinds.ProductTypeExtended, """{"properties": {"a": {}}, "additionalProperties": false}""",
            """{"properties": {"a": {}}, "additionalProperties": false, "allOf": [{"properties": {"b": {}}, "additionalProperties": false}]}""", "/allOf/0");
        yield return new(ChangeKinds.ProductTypeNarrowed, """{"additionalProperties": false, "allOf": [{"required": ["b"], "additionalProperties": {}}]}""",
            """{"required": ["b"]}""", "/allOf/0");
        yield return new(ChangeKinds.CombinedTypeExtended, """{"oneOf": [{"type": "string"}, {"type": "integer"}]}""", """{"anyOf": [{"type": "string"}, {"type": "integer"}]}""", "/anyOf");
        yield return new(ChangeKinds.CombinedTypeChanged, """{"anyOf": [{"type": "string"}, {"minLength": 2}]}""", """{"oneOf": [{"type": "string"}, {"minLength": 2}]}""", "/oneOf");
        yield return new(ChangeKinds.CombinedTypeSubschemasChanged, """{"anyOf": [{"type": "string", "maxLength": 10}, {"type": "integer"}]}""",
            """{"anyOf": [{"type": "string", "maxLength": 5}, {"type": "integer"}]}""", "/anyOf/0");
        yield return new(ChangeKinds.OneOfBranchesMayOverlap, """{"oneOf": [{"type": "string"}, {"maxLength": 5}]}""", """{"oneOf": [{"type": "string"}, {"maxLength": 10}]}""", "/oneOf");
        yield return new(ChangeKinds.NotTypeExtended, """{"not": {"type": "string", "maxLength": 5}}""", """{"not": {"type": "string", "maxLength": 10}}""", "/not");
        yield return new(ChangeKinds.NotTypeNarrowed, """{"not": {"type": "string", "maxLength": 10}}""", """{"not": {"type": "string", "maxLength": 5}}""", "/not");
        yield return new(ChangeKinds.NotAdded, """{}""", """{"not": {"type": "string"}}""", "/not");
        yield return new(ChangeKinds.NotRemoved, """{"not": {"type": "string"}}""", """{}""", "/not");

        // Conditionals
        yield return new(ChangeKinds.ConditionalAdded, """{"type": "object"}""", """{"type": "object", "if": {"required": ["a"]}, "then": {"required": ["b"]}}""", "/if");
        yield return new(ChangeKinds.ConditionalRemoved, """{"type": "object", "if": {"required": ["a"]}, "then": {"required": ["b"]}}""", """{"type": "object"}""", "/if");
        yield return new(ChangeKinds.ConditionChanged, """{"if": {"required": ["a"]}, "then": {"required": ["b"]}}""", """{"if": {"required": ["c"]}, "then": {"required": ["b"]}}""", "/if");
    }
}
