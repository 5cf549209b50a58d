using System.Text.Json;
using SchemaRegistry.Formats.JsonSchema.Drafts;
using SchemaRegistry.Formats.JsonSchema.Parsing;
using SchemaRegistry.Testing;
using Xunit.Abstractions;

namespace SchemaRegistry.Formats.JsonSchema.Tests.Parsing;

/// <summary>
/// The meta-schema fast path (<see cref="StandardMetaSchemas"/>) may only ever say "valid" where JsonSchema.Net
/// evaluating the meta-schema says valid too: then <see cref="MetaSchemaCheck"/> answers exactly as it did before
/// (refusals and their messages always come from the library). Checked on every schema and document of the
/// JSON-Schema-Test-Suite (and every JSON value inside them), the meta-schemas themselves, and every standard keyword
/// given values of every shape, in all five drafts.
/// </summary>
public sealed class MetaSchemaEquivalenceTests(ITestOutputHelper output)
{
    private static readonly JsonSchemaDraft[] Drafts = Enum.GetValues<JsonSchemaDraft>();

    /// <summary>Every distinct schema-shaped value in the suites and the meta-schemas (shared with <see cref="LibrarySkipAtParseTests"/>).</summary>
    internal static readonly Lazy<IReadOnlyList<JsonElement>> SuiteValues = new(LoadSuiteValues);

    [Fact]
    public void Whatever_the_fast_path_proves_valid_the_library_finds_valid()
    {
        var failures = new List<string>();
        var proven = 0;
        var candidates = SuiteValues.Value.Concat(Mutations()).ToList();
        foreach (var draft in Drafts)
        {
            foreach (var candidate in candidates)
            {
                if (!StandardMetaSchemas.ProvesValid(candidate, draft)) continue;
                proven++;
                var library = MetaSchemaCheck.CheckWithLibrary(candidate, draft);
                if (library is not null) failures.Add($"{Dialects.NameOf(draft)}: {Show(candidate)} => {library}");
            }
        }
        output.WriteLine($"{candidates.Count} candidates x {Drafts.Length} drafts, {proven} proven valid");
        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures.Take(20)));
    }

    [Theory]
    [InlineData("draft2020-12", JsonSchemaDraft.Draft202012)]
    [InlineData("draft7", JsonSchemaDraft.Draft7)]
    public void The_suites_schemas_are_proven_valid_without_the_library(string folder, JsonSchemaDraft draft)
    {
        // The fast path is only worth having if it covers real schemas: every schema of the suite that the library
        // finds valid must be proven valid without it.
        var unproven = new List<string>();
        foreach (var text in SuiteSchemas(folder))
        {
            using var document = JsonDocument.Parse(text);
            var schema = document.RootElement;
            if (MetaSchemaCheck.CheckWithLibrary(schema, draft) is not null) continue;
            if (!StandardMetaSchemas.ProvesValid(schema, draft)) unproven.Add(text);
        }
        unproven.ShouldBeEmpty(string.Join(Environment.NewLine, unproven.Take(20)));
    }

    [Fact]
    public void The_meta_schemas_are_proven_valid_schemas()
    {
        foreach (var (text, draft) in MetaSchemaTexts())
        {
            using var document = JsonDocument.Parse(text);
            StandardMetaSchemas.ProvesValid(document.RootElement, draft).ShouldBeTrue(Dialects.NameOf(draft));
        }
    }

    [Theory]
    [InlineData("""{"type": "strin"}""")]
    [InlineData("""{"type": []}""")]
    [InlineData("""{"type": ["string", "string"]}""")]
    [InlineData("""{"required": ["a", "a"]}""")]
    [InlineData("""{"required": "a"}""")]
    [InlineData("""{"minLength": -1}""")]
    [InlineData("""{"minLength": 1.5}""")]
    [InlineData("""{"multipleOf": 0}""")]
    [InlineData("""{"properties": {"a": 1}}""")]
    [InlineData("""{"allOf": []}""")]
    [InlineData("""{"items": [{}]}""")]
    [InlineData("""{"$id": "a#b"}""")]
    [InlineData("""{"$anchor": "1a"}""")]
    [InlineData("""{"not": {"properties": {"x": {"minimum": "1"}}}}""")]
    [InlineData("""{"dependencies": {"a": 1}}""")]
    [InlineData("""{"$recursiveAnchor": true}""")]
    public void Invalid_2020_12_schemas_are_left_to_the_library(string text)
    {
        using var document = JsonDocument.Parse(text);
        StandardMetaSchemas.ProvesValid(document.RootElement, JsonSchemaDraft.Draft202012).ShouldBeFalse();
        MetaSchemaCheck.CheckWithLibrary(document.RootElement, JsonSchemaDraft.Draft202012).ShouldNotBeNull();
    }

    [Theory]
    [InlineData("""{"exclusiveMaximum": true}""")]
    [InlineData("""{"exclusiveMinimum": false, "maximum": 3}""")]
    [InlineData("""{"required": []}""")]
    [InlineData("""{"enum": []}""")]
    [InlineData("""{"enum": ["a", "a"]}""")]
    [InlineData("""{"not": true}""")]
    [InlineData("""true""")]
    [InlineData("""{"dependencies": {"a": []}}""")]
    public void Invalid_draft_4_schemas_are_left_to_the_library(string text)
    {
        using var document = JsonDocument.Parse(text);
        StandardMetaSchemas.ProvesValid(document.RootElement, JsonSchemaDraft.Draft4).ShouldBeFalse();
        MetaSchemaCheck.CheckWithLibrary(document.RootElement, JsonSchemaDraft.Draft4).ShouldNotBeNull();
    }

    [Fact]
    public void Refusals_keep_the_librarys_located_messages()
    {
        // Through the parser: the fast path declines, the library explains, as before.
        Support.Schemas.Refusal("""{"properties": {"age": {"minimum": "string"}}}""")
            .ShouldBe("/properties/age/minimum: Value is \"string\" but should be \"number\"");
    }

    /// <summary>Every schema of a suite folder's required tests.</summary>
    private static IEnumerable<string> SuiteSchemas(string folder)
    {
        foreach (var path in JsonSchemaTestSuite.Files(folder))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            foreach (var group in document.RootElement.EnumerateArray()) yield return group.GetProperty("schema").GetRawText();
        }
    }

    /// <summary>Every distinct JSON value in the suites (schemas, documents, and everything nested in them).</summary>
    private static IReadOnlyList<JsonElement> LoadSuiteValues()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var values = new List<JsonElement>();
        foreach (var folder in (string[])["draft2020-12", "draft7"])
        {
            foreach (var path in JsonSchemaTestSuite.Files(folder))
            {
                using var document = JsonDocument.Parse(File.ReadAllText(path));
                foreach (var group in document.RootElement.EnumerateArray())
                {
                    Collect(group.GetProperty("schema"), seen, values);
                    foreach (var test in group.GetProperty("tests").EnumerateArray()) Collect(test.GetProperty("data"), seen, values);
                }
            }
        }
        foreach (var (text, _) in MetaSchemaTexts())
        {
            using var document = JsonDocument.Parse(text);
            Collect(document.RootElement, seen, values);
        }
        return values;
    }

    private static void Collect(JsonElement value, HashSet<string> seen, List<JsonElement> values)
    {
        if (value.ValueKind is JsonValueKind.Object or JsonValueKind.True or JsonValueKind.False && seen.Add(value.GetRawText()))
            values.Add(value.Clone());
        if (value.ValueKind == JsonValueKind.Object)
        {
            foreach (var member in value.EnumerateObject()) Collect(member.Value, seen, values);
        }
        else if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray()) Collect(item, seen, values);
        }
    }

    /// <summary>Every keyword any draft's meta-schema constrains, set to values of every shape, at the root and nested.</summary>
    internal static IEnumerable<JsonElement> Mutations()
    {
        string[] keywords =
        [
            "$id", "id", "$schema", "$ref", "$anchor", "$dynamicRef", "$dynamicAnchor", "$recursiveRef", "$recursiveAnchor",
            "$vocabulary", "$comment", "$defs", "definitions", "title", "description", "default", "deprecated", "readOnly",
            "writeOnly", "examples", "type", "enum", "const", "multipleOf", "maximum", "exclusiveMaximum", "minimum",
            "exclusiveMinimum", "maxLength", "minLength", "pattern", "format", "contentEncoding", "contentMediaType",
            "contentSchema", "maxItems", "minItems", "uniqueItems", "maxContains", "minContains", "maxProperties",
            "minProperties", "required", "dependentRequired", "dependentSchemas", "dependencies", "items", "prefixItems",
            "additionalItems", "contains", "unevaluatedItems", "properties", "patternProperties", "additionalProperties",
            "propertyNames", "unevaluatedProperties", "allOf", "anyOf", "oneOf", "not", "if", "then", "else",
        ];
        string[] probes =
        [
            "true", "false", "null", "0", "-0", "1", "-1", "2", "1.0", "1.5", "0.5", "1e2", "1e-30", "1e400", "123456789012345678",
            "\"\"", "\"x\"", "\"string\"", "\"integer\"", "\"#\"", "\"a#\"", "\"a#b\"", "\"#a\"", "\"_a\"", "\"a:b\"", "\"a\\n\"",
            "\"a b\"", "\"http://example.com/x#\"", "[]", "[\"string\"]", "[\"string\", \"string\"]", "[\"null\", \"number\"]",
            "[\"a\"]", "[\"a\", \"a\"]", "[\"a\", \"b\"]", "[1]", "[1, 1.0]", "[1, 2]", "[\"1\", 1]", "[{}, {}]", "[{\"a\": 1, \"b\": 2}, {\"b\": 2, \"a\": 1}]",
            "[true, false, null]", "[{}]", "[true]", "[{\"type\": \"string\"}]", "[{\"type\": 1}]", "[[]]", "{}", "{\"a\": 1}",
            "{\"a\": true}", "{\"a\": false}", "{\"a\": {}}", "{\"a\": []}", "{\"a\": [\"b\"]}", "{\"a\": [\"b\", \"b\"]}",
            "{\"a\": {\"type\": \"string\"}}", "{\"a\": {\"type\": \"strin\"}}", "{\"http://x\": true}", "{\"type\": \"string\"}",
            "{\"type\": 1}", "{\"minimum\": \"1\"}", "{\"exclusiveMaximum\": true}", "{\"exclusiveMaximum\": true, \"maximum\": 1}",
        ];
        string[] places = ["{0}", "{{\"properties\": {{\"p\": {0}}}}}", "{{\"items\": [{0}]}}", "{{\"anyOf\": [{0}, {{}}]}}", "{{\"$defs\": {{\"d\": {0}}}, \"definitions\": {{\"d\": {0}}}}}",
            // An embedded $schema does not change the meta-schema the document is checked against.
            "{{\"$defs\": {{\"d\": {{\"$schema\": \"http://json-schema.org/draft-04/schema#\", \"allOf\": [{0}]}}}}}}"];
        foreach (var keyword in keywords)
        {
            foreach (var probe in probes)
            {
                var schema = $"{{\"{keyword}\": {probe}}}";
                foreach (var place in places)
                {
                    using var document = JsonDocument.Parse(string.Format(System.Globalization.CultureInfo.InvariantCulture, place, schema));
                    yield return document.RootElement.Clone();
                }
                // Beside the draft-04 bounds that need their flag's partner.
                using var withBound = JsonDocument.Parse($"{{\"{keyword}\": {probe}, \"maximum\": 1}}");
                yield return withBound.RootElement.Clone();
            }
        }
    }

    private static IEnumerable<(string Text, JsonSchemaDraft Draft)> MetaSchemaTexts()
    {
        var assembly = typeof(MetaSchemaCheck).Assembly;
        foreach (var (resource, draft) in new[] { ("draft-04-schema.json", JsonSchemaDraft.Draft4), ("draft-07-schema.json", JsonSchemaDraft.Draft7) })
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            yield return (reader.ReadToEnd(), draft);
        }
        var library = typeof(Json.Schema.MetaSchemas).Assembly;
        foreach (var name in library.GetManifestResourceNames().Where(n => n.EndsWith(".json", StringComparison.Ordinal) && !n.EndsWith("v1.json", StringComparison.Ordinal)))
        {
            using var stream = library.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            var draft = name.Contains("2019_09", StringComparison.Ordinal) ? JsonSchemaDraft.Draft201909
                : name.Contains("2020_12", StringComparison.Ordinal) ? JsonSchemaDraft.Draft202012
                : name.Contains("06", StringComparison.Ordinal) ? JsonSchemaDraft.Draft6 : JsonSchemaDraft.Draft7;
            yield return (reader.ReadToEnd(), draft);
        }
    }

    private static string Show(JsonElement value)
    {
        var text = value.GetRawText();
        return text.Length <= 200 ? text : text[..197] + "...";
    }
}
