using System.Text.Json;
using SchemaRegistry.Core.Formats;
using SchemaRegistry.Formats.JsonSchema.Diff;
using SchemaRegistry.Formats.JsonSchema.Parsing;
using SchemaRegistry.Formats.JsonSchema.Support;
using static SchemaRegistry.Formats.JsonSchema.Tests.Support.Schemas;

namespace SchemaRegistry.Formats.JsonSchema.Tests.Support;

/// <summary>
/// Parsing, diffing and compiling run on the calling thread when that cannot threaten its stack (see
/// <see cref="DocumentShape"/> and <see cref="InlineStack"/>), and on the large stack otherwise. These tests hold the
/// decision to its promise: the deepest schemas that qualify are handled on a 1 MB thread (the smallest ordinary
/// stack; a stack overflow would end the test run), and work that does not fit moves to the large stack with the
/// same answer.
/// </summary>
public sealed class OrdinaryStackTests
{
    [Theory]
    [InlineData("""{"type": "string"}""", true)]
    [InlineData("""{"properties": {"a": {"items": {"not": {}}}}}""", true)]
    [InlineData("""{"$defs": {"a": {}}, "$ref": "#/$defs/a"}""", false)]
    [InlineData("""{"$defs": {"m": {"$dynamicAnchor": "meta"}}, "properties": {"a": {"$dynamicRef": "#meta"}}}""", false)]
    [InlineData("""{"$recursiveRef": "#"}""", false)]
    [InlineData("""{"properties": {"$ref": {"type": "string"}}}""", false)] // a property named $ref counts too (conservative)
    [InlineData("""{"x-extension": {"deep": [{"$ref": "#"}]}}""", false)] // anywhere, keyword or not
    public void Only_documents_without_reference_keywords_fit_an_ordinary_stack(string text, bool fits)
    {
        using var document = JsonDocument.Parse(text);
        var shape = DocumentShape.Measure(document.RootElement, out var duplicate);
        duplicate.ShouldBeFalse();
        shape.FitsOrdinaryStack.ShouldBe(fits);
        Parse(text).FitsOrdinaryStack.ShouldBe(fits);
    }

    [Fact]
    public void Duplicate_members_are_found_at_any_depth_and_reported_as_before()
    {
        using var document = JsonDocument.Parse("""{"properties": {"a": {"type": "string", "type": "number"}}}""");
        DocumentShape.Measure(document.RootElement, out var duplicate);
        duplicate.ShouldBeTrue();
        Refusal("""{"properties": {"a": {"type": "string", "type": "number"}}}""")
            .ShouldBe("/properties/a: the member \"type\" appears more than once.");
    }

    [Fact]
    public void The_depth_is_measured_in_json_levels()
    {
        using var document = JsonDocument.Parse(Nested("not", 10, """{"type": "string"}"""));
        DocumentShape.Measure(document.RootElement, out _).Depth.ShouldBe(11);
    }

    public static TheoryData<string> DeepestOrdinarySchemas()
    {
        // JsonDocument reads at most 64 levels: these are as deep as a schema gets without a reference, through the
        // keywords that make every recursion (meta-schema check, build, evaluation, diff) go one level per step.
        const string leaf = """{"type": "string", "minLength": 1}""";
        return
        [
            Nested("not", 63, leaf),
            NestedArray("allOf", 31, leaf),
            NestedArray("anyOf", 31, leaf),
            NestedArray("oneOf", 31, leaf),
            NestedMap("properties", 31, leaf),
            NestedMap("dependentSchemas", 31, leaf),
            Nested("items", 63, leaf),
            Nested("if", 63, leaf),
            // Invalid deep down: the fast meta-schema proof declines and the library evaluates and explains.
            Nested("not", 63, """{"minLength": "one"}"""),
            NestedArray("anyOf", 31, """{"type": "strin"}"""),
        ];
    }

    [Theory]
    [MemberData(nameof(DeepestOrdinarySchemas))]
    public void The_deepest_reference_free_schemas_are_parsed_diffed_and_compiled_on_a_1_MB_stack(string text)
    {
        var onLarge = LargeStack.Run(() => Outcome(text));
        var onOrdinary = LargeStack.Run(() =>
        {
            // This is a 1 MB thread of the pools: an ordinary thread, so everything below runs right here.
            LargeStack.OnOrdinaryThread.ShouldBeTrue();
            LargeStack.OnLargeStack.ShouldBeFalse();
            return Outcome(text);
        }, LargeStack.Ordinary);
        onOrdinary.ShouldBe(onLarge);
    }

    [Fact]
    public void A_diff_that_runs_short_of_stack_inline_starts_over_on_the_large_stack_with_the_same_answer()
    {
        // A chain of references is as deep as it is long: far too deep for a 1 MB thread.
        static string Chain(string leaf) => "{\"$defs\": {" + string.Join(",", Enumerable.Range(0, 1000).Select(i => i == 999
            ? $"\"d{i}\": {{\"type\": \"{leaf}\"}}"
            : $"\"d{i}\": {{\"properties\": {{\"next\": {{\"$ref\": \"#/$defs/d{i + 1}\"}}}}}}")) + "}, \"$ref\": \"#/$defs/d0\"}";
        var older = Parse(Chain("string"));
        var newer = Parse(Chain("integer"));
        var expected = LargeStack.Run(() => SchemaDiff.Compare(older, newer));

        var (changes, restarts) = LargeStack.Run(() =>
        {
            var before = InlineStack.Restarts;
            var changes = SchemaDiff.Compare(older, newer);
            return (changes, InlineStack.Restarts - before);
        }, LargeStack.Ordinary);

        restarts.ShouldBeGreaterThan(0);
        changes.ShouldBe(expected);
        changes.ShouldContain(c => c.Kind == ChangeKinds.TypeChanged);
    }

    [Fact]
    public void A_small_diff_runs_inline_without_starting_over()
    {
        var older = Parse("""{"properties": {"a": {"$ref": "#/$defs/a"}}, "$defs": {"a": {"type": "string"}}}""");
        var newer = Parse("""{"properties": {"a": {"$ref": "#/$defs/a"}}, "$defs": {"a": {"type": ["string", "null"]}}}""");
        var (changes, restarts) = LargeStack.Run(() =>
        {
            var before = InlineStack.Restarts;
            var changes = newer.DiffFrom(older);
            return (changes, InlineStack.Restarts - before);
        }, LargeStack.Ordinary);
        restarts.ShouldBe(0);
        changes.ShouldContain(c => c.Kind == ChangeKinds.TypeExtended);
    }

    /// <summary>Everything a registration and a first validation do with a schema, as comparable text.</summary>
    private static string Outcome(string text)
    {
        var result = Format.Parse(SchemaParseRequest.Of(text));
        if (!result.Success) return "refused: " + result.Error;
        var parsed = (ParsedJsonSchema)result.Schema!;
        var self = parsed.DiffFrom(parsed);
        var other = parsed.DiffFrom(Parse("""{"type": "integer"}"""));
        var validator = parsed.CompileValidator();
        using var document = JsonDocument.Parse("\"text\"");
        var verdict = validator.Validate(document.RootElement).IsValid;
        return $"{parsed.CanonicalText.Length} | {self.Count} | {string.Join(";", other.Select(c => $"{c.Kind}@{c.Path}"))} | {verdict}";
    }

    private static string Nested(string keyword, int levels, string leaf)
    {
        var text = leaf;
        for (var i = 0; i < levels; i++) text = $"{{\"{keyword}\": {text}}}";
        return text;
    }

    private static string NestedArray(string keyword, int levels, string leaf)
    {
        var text = leaf;
        for (var i = 0; i < levels; i++) text = $"{{\"{keyword}\": [{text}]}}";
        return text;
    }

    private static string NestedMap(string keyword, int levels, string leaf)
    {
        var text = leaf;
        for (var i = 0; i < levels; i++) text = $"{{\"{keyword}\": {{\"p\": {text}}}}}";
        return text;
    }
}
