using SchemaRegistry.Cli.Documents;

namespace SchemaRegistry.Cli.Tests.Documents;

public sealed class JsonFileParserTests
{
    private const string Array = """
        [
          {"name": "a, [b]", "quote": "\"]"},
          [1, [2, 3]],
          "a string",
          12.5e3,
          true,
          null,
          {"deep": {"deeper": {"deepest": []}}}
        ]
        """;

    [Theory]
    [InlineData(64 * 1024, false)]
    [InlineData(8, false)]
    [InlineData(16, true)]
    public async Task Reads_array_elements_with_index_and_line_whatever_the_buffering(int bufferSize, bool trickle)
    {
        var (collector, _, parser) = await Collector.ReadAsync(Array, InputFormat.Json, bufferSize, trickle);
        parser.StopReason.ShouldBeNull();
        collector.Problems.ShouldBeEmpty();
        collector.Documents.Select(d => (d.Position.Index, d.Position.Line, d.Json)).ShouldBe([
            (0L, 2L, """{"name": "a, [b]", "quote": "\"]"}"""),
            (1L, 3L, "[1, [2, 3]]"),
            (2L, 4L, "\"a string\""),
            (3L, 5L, "12.5e3"),
            (4L, 6L, "true"),
            (5L, 7L, "null"),
            (6L, 8L, """{"deep": {"deeper": {"deepest": []}}}"""),
        ]);
        ((JsonFileParser)parser).IsSingleDocument.ShouldBeFalse();
    }

    [Fact]
    public async Task A_multi_line_element_advances_the_line_count()
    {
        var (collector, _, _) = await Collector.ReadAsync("[{\n\"a\": 1\n},\n{\"b\": 2}]", InputFormat.Json, 4);
        collector.Documents.Select(d => d.Position.Line).ShouldBe([1L, 4L]);
    }

    [Fact]
    public async Task A_single_document_is_one_document()
    {
        var (collector, _, parser) = await Collector.ReadAsync("\uFEFF\n  {\"a\": [1, 2]}\n\n", InputFormat.Json, 4);
        collector.Documents.Single().ShouldBe((new DocumentPosition(0, 2), "{\"a\": [1, 2]}\n\n"));
        ((JsonFileParser)parser).IsSingleDocument.ShouldBeTrue();
    }

    [Fact]
    public async Task A_broken_single_document_names_its_line()
    {
        var (collector, _, _) = await Collector.ReadAsync("{\n\"a\": 1,\n\"b\": }", InputFormat.Json, 1024);
        collector.Problems.Single().Problem.ShouldStartWith("not valid JSON at line 3,");
    }

    [Theory]
    [InlineData("[{\"a\":1}, {\"a\": }]", 1, "not valid JSON at line 1")]
    [InlineData("[{\"a\":1} {\"a\":2}]", 1, "expected ',' or ']' after the element at index 0")]
    [InlineData("[{\"a\":1},]", 1, "a comma before ']'")]
    [InlineData("[{\"a\":1}", 1, "the file ends before the array is closed")]
    [InlineData("[{\"a\":1}] x", 1, "unexpected content after the array's closing ']'")]
    [InlineData("   ", 0, "the file holds no JSON")]
    public async Task A_broken_array_stops_with_one_invalid_document(string text, int validBefore, string reason)
    {
        var (collector, _, parser) = await Collector.ReadAsync(text, InputFormat.Json, 4);
        collector.Documents.Count().ShouldBe(validBefore);
        collector.Problems.Single().Problem.ShouldStartWith(reason);
        parser.StopReason.ShouldNotBeNull();
    }

    [Fact]
    public async Task An_element_nested_too_deep_is_invalid_and_reading_goes_on()
    {
        var text = "[" + new string('[', 150) + new string(']', 150) + ", {\"ok\": true}]";
        var (collector, _, parser) = await Collector.ReadAsync(text, InputFormat.Json, 64);
        collector.Items.Select(i => i.Problem).ShouldBe(["nested deeper than 127 levels", null]);
        parser.StopReason.ShouldBeNull();
    }

    [Fact]
    public async Task An_empty_array_has_no_documents()
    {
        var (collector, _, parser) = await Collector.ReadAsync(" [ ] ", InputFormat.Json, 4);
        collector.Items.ShouldBeEmpty();
        parser.StopReason.ShouldBeNull();
    }

    [Fact]
    public async Task A_large_array_streams_through_a_fixed_buffer()
    {
        const long documents = 300_000;
        var stream = new GeneratedStream(documents, asArray: true);
        var reader = new DocumentReader(stream, new JsonFileParser());
        var counter = new CountingSink();
        while (await reader.ReadAsync(counter, CancellationToken.None)) { }
        counter.Documents.ShouldBe(documents);
        counter.InvalidCount.ShouldBe(0);
        counter.LastIndex.ShouldBe(documents - 1);
        counter.LastLine.ShouldBe(documents); // one element per line, the first on the bracket's line
        reader.BufferSize.ShouldBe(64 * 1024);
    }
}
