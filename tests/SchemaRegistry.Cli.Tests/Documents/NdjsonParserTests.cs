using System.Text;
using SchemaRegistry.Cli.Documents;

namespace SchemaRegistry.Cli.Tests.Documents;

public sealed class NdjsonParserTests
{
    private const string Sample = "\uFEFF{\"a\":1}\r\n\n   \n  [1, 2]  \nnot json\n\"text\"\n{\"a\": 1} {\"b\": 2}\n42";

    [Theory]
    [InlineData(64 * 1024, false)]
    [InlineData(4, false)]   // buffer grows; every line crosses a buffer boundary
    [InlineData(16, true)]   // three bytes per read, as a slow pipe
    public async Task Reads_lines_with_their_numbers_whatever_the_buffering(int bufferSize, bool trickle)
    {
        var (collector, _, _) = await Collector.ReadAsync(Sample, InputFormat.Ndjson, bufferSize, trickle);
        collector.Items.Select(i => (i.Position.Index, i.Position.Line, i.Json)).ShouldBe([
            (0L, 1L, "{\"a\":1}"),          // BOM skipped, CR trimmed
            (1L, 4L, "[1, 2]"),             // blank and whitespace-only lines skipped but counted
            (2L, 5L, null),                 // not JSON
            (3L, 6L, "\"text\""),           // any JSON value is a document
            (4L, 7L, null),                 // two values on one line
            (5L, 8L, "42"),                 // the last line has no newline
        ]);
        var problems = collector.Problems.ToList();
        problems[0].Problem.ShouldBe("not valid JSON at position 2: 'not json' is an invalid JSON literal. Expected the literal 'null'.");
        problems[1].Problem.ShouldStartWith("not valid JSON at position 10:");
    }

    [Fact]
    public async Task Positions_in_messages_count_from_the_start_of_the_line()
    {
        var (collector, _, _) = await Collector.ReadAsync("    {\"a\" 1}\n", InputFormat.Ndjson, 1024);
        collector.Problems.Single().Problem.ShouldStartWith("not valid JSON at position 10:");
    }

    [Fact]
    public async Task Invalid_utf8_and_too_deep_documents_are_invalid_not_fatal()
    {
        var bytes = new List<byte>();
        bytes.AddRange(Encoding.UTF8.GetBytes("{\"a\":\""));
        bytes.AddRange([0xC3, 0x28]); // a broken two-byte sequence
        bytes.AddRange(Encoding.UTF8.GetBytes("\"}\n"));
        bytes.AddRange(Encoding.UTF8.GetBytes(new string('[', 200) + new string(']', 200) + "\n"));
        bytes.AddRange(Encoding.UTF8.GetBytes(new string('[', 127) + new string(']', 127) + "\n"));
        bytes.AddRange(Encoding.UTF8.GetBytes("{}\n"));
        var (collector, _, _) = await Collector.ReadAsync([.. bytes], InputFormat.Ndjson, 64);
        collector.Items.Select(i => i.Problem).ShouldBe(["not valid UTF-8", "nested deeper than 127 levels", null, null]);
        collector.Items.Select(i => i.Position.Line).ShouldBe([1L, 2L, 3L, 4L]);
    }

    [Fact]
    public async Task An_empty_file_has_no_documents()
    {
        var (collector, reader, _) = await Collector.ReadAsync("", InputFormat.Ndjson, 16);
        collector.Items.ShouldBeEmpty();
        reader.BytesRead.ShouldBe(0);
    }

    [Fact]
    public async Task A_line_longer_than_the_buffer_grows_it_and_is_read_whole()
    {
        var longValue = new string('x', 100_000);
        var (collector, reader, _) = await Collector.ReadAsync($"{{\"a\":1}}\n{{\"long\":\"{longValue}\"}}\n{{\"b\":2}}\n", InputFormat.Ndjson, 1024);
        collector.Documents.Select(d => d.Json.Length).ShouldBe([7, "{\"long\":\"\"}".Length + longValue.Length, 7]);
        reader.BufferSize.ShouldBeGreaterThanOrEqualTo(100_000);
    }

    [Fact]
    public async Task A_large_file_streams_through_a_fixed_buffer()
    {
        // About 35 MB, generated while it is read: the reader must never need more than its 64 KiB buffer.
        const long documents = 500_000;
        var stream = new GeneratedStream(documents, asArray: false);
        var reader = new DocumentReader(stream, new NdjsonParser());
        var counter = new CountingSink();
        while (await reader.ReadAsync(counter, CancellationToken.None)) { }
        counter.Documents.ShouldBe(documents);
        counter.LastLine.ShouldBe(documents);
        reader.BytesRead.ShouldBe(stream.BytesProduced);
        reader.BytesRead.ShouldBeGreaterThan(30_000_000);
        reader.BufferSize.ShouldBe(64 * 1024);
    }
}

/// <summary>Counts documents without keeping them.</summary>
internal sealed class CountingSink : IDocumentSink
{
    public long Documents { get; private set; }
    public long InvalidCount { get; private set; }
    public long LastLine { get; private set; }
    public long LastIndex { get; private set; }

    public void Document(DocumentPosition position, ReadOnlySpan<byte> json)
    {
        Documents++;
        (LastLine, LastIndex) = (position.Line, position.Index);
    }

    public void Invalid(DocumentPosition position, string message) => InvalidCount++;
}
