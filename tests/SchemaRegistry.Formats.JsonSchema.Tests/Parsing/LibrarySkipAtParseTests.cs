using SchemaRegistry.Core.Formats;
using SchemaRegistry.Formats.JsonSchema.Drafts;
using SchemaRegistry.Formats.JsonSchema.Validation;
using SchemaRegistry.Formats.JsonSchema.Validation.Compiled;
using Xunit.Abstractions;

namespace SchemaRegistry.Formats.JsonSchema.Tests.Parsing;

/// <summary>
/// The parser skips JsonSchema.Net's build for schemas the compiled path covers (reference-free, a standard draft
/// other than 2019-09). That is only sound if, for every schema it accepts that way, the compiled path really covers it
/// and the library would have accepted it too: checked on every schema-shaped value of the JSON-Schema-Test-Suite, the
/// meta-schemas and the keyword mutations of <see cref="MetaSchemaEquivalenceTests"/>, under each default draft.
/// </summary>
public sealed class LibrarySkipAtParseTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_schema_accepted_without_the_library_compiles_and_the_library_builds_it()
    {
        var candidates = MetaSchemaEquivalenceTests.SuiteValues.Value.Concat(MetaSchemaEquivalenceTests.Mutations()).Select(v => v.GetRawText()).Distinct().ToList();
        var failures = new List<string>();
        int skipped = 0, built = 0, libraryDefects = 0;
        foreach (var draft in (JsonSchemaDraft[])[JsonSchemaDraft.Draft202012, JsonSchemaDraft.Draft7, JsonSchemaDraft.Draft4])
        {
            var options = new JsonSchemaFormatOptions { DefaultDraft = draft };
            var format = new JsonSchemaFormat(options);
            var dialects = new LibraryDialects(new PatternRegexFactory(options.PatternMatchTimeout, compiled: false));
            foreach (var text in candidates)
            {
                if (format.Parse(SchemaParseRequest.Of(text)).Schema is not ParsedJsonSchema parsed) continue;
                if (parsed.LibraryBuiltAtParse)
                {
                    built++;
                    continue;
                }
                skipped++;
                if (SchemaCompiler.TryCompile(parsed.Documents, options.AssertFormat, dialects.Regexes, out var reason) is null)
                    failures.Add($"{Dialects.NameOf(draft)}: {Show(text)} => falls back to the library: {reason}");
                try
                {
                    LibrarySchemaBuilder.Build(parsed.LibraryRoot, parsed.LibraryReferences, dialects);
                }
                catch (KeyNotFoundException) when (text.Contains("\"patternProperties\"", StringComparison.Ordinal) && text.Contains('/', StringComparison.Ordinal))
                {
                    // The library's defect, not a refusal: it escapes a patternProperties key holding '/' as a JSON
                    // pointer and then looks it up unescaped. The compiled path validates such schemas (see below).
                    libraryDefects++;
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    failures.Add($"{Dialects.NameOf(draft)}: {Show(text)} => the library refuses it: {e.Message}");
                }
            }
        }
        output.WriteLine($"{candidates.Count} candidates x 3 default drafts: {skipped} accepted without the library's build ({libraryDefects} of them hit the library's patternProperties defect), {built} with it");
        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures.Take(20)));
        // Not vacuous: most accepted schemas take the skip, and references or 2019-09 still take the build.
        skipped.ShouldBeGreaterThan(1000);
        built.ShouldBeGreaterThan(0);
    }

    [Theory]
    [InlineData("""{"type": "object", "properties": {"a": {"type": "string"}}}""", false)]
    [InlineData("""{"$defs": {"a": {"type": "string"}}, "$ref": "#/$defs/a"}""", true)]
    [InlineData("""{"$schema": "https://json-schema.org/draft/2019-09/schema", "type": "string"}""", true)]
    [InlineData("""{"$defs": {"old": {"$schema": "https://json-schema.org/draft/2019-09/schema", "type": "string"}}}""", true)]
    public void The_library_is_built_exactly_where_the_compiled_path_may_not_cover_the_schema(string text, bool built) =>
        Support.Schemas.Parse(text).LibraryBuiltAtParse.ShouldBe(built);

    [Fact]
    public void A_pattern_property_key_with_a_slash_is_accepted_and_validated()
    {
        // JsonSchema.Net cannot build this schema (see above), so the registry refused it while every parse built it.
        const string schema = """{"type": "object", "patternProperties": {"^http://": {"type": "string"}}}""";
        Support.Schemas.Parse(schema).LibraryBuiltAtParse.ShouldBeFalse();
        Support.Schemas.Validate(schema, """{"http://a": "x", "other": 1}""").IsValid.ShouldBeTrue();
        Support.Schemas.Validate(schema, """{"http://a": 1}""").IsValid.ShouldBeFalse();
    }

    private static string Show(string text) => text.Length <= 200 ? text : text[..197] + "...";
}
