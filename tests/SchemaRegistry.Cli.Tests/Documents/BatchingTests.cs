using System.Text;
using System.Text.Json;
using SchemaRegistry.Cli.Documents;
using SchemaRegistry.Cli.Http;
using SchemaRegistry.Cli.Validation;

namespace SchemaRegistry.Cli.Tests.Documents;

public sealed class BatchingTests
{
    private static void Add(BatchBuilder builder, long index, string json) =>
        builder.Document(new DocumentPosition(index, index + 1), Encoding.UTF8.GetBytes(json));

    private static List<DocumentBatch> Drain(BatchBuilder builder)
    {
        var batches = new List<DocumentBatch>();
        while (builder.TryTake(out var batch)) batches.Add(batch);
        return batches;
    }

    [Fact]
    public void Batches_are_json_arrays_cut_by_count()
    {
        var builder = new BatchBuilder(3, new ValidationTally(10));
        for (var i = 0; i < 7; i++) Add(builder, i, $$"""{"n":{{i}}}""");
        builder.Flush();
        var batches = Drain(builder);
        batches.Select(b => b.Positions.Length).ShouldBe([3, 3, 1]);
        using var first = JsonDocument.Parse(batches[0].Body);
        first.RootElement.GetArrayLength().ShouldBe(3);
        first.RootElement[2].GetProperty("n").GetInt32().ShouldBe(2);
        batches[2].Positions.Single().Index.ShouldBe(6);
    }

    [Fact]
    public void Batches_are_cut_by_size_so_large_documents_stay_under_the_request_limit()
    {
        var builder = new BatchBuilder(1000, new ValidationTally(10), maxBytes: 1000);
        var big = $$"""{"s":"{{new string('x', 400)}}"}""";
        for (var i = 0; i < 5; i++) Add(builder, i, big);
        builder.Flush();
        Drain(builder).Select(b => b.Positions.Length).ShouldBe([3, 2]);
    }

    [Fact]
    public void Unreadable_documents_go_to_the_tally_not_to_a_batch()
    {
        var tally = new ValidationTally(10);
        var builder = new BatchBuilder(10, tally);
        builder.Invalid(new DocumentPosition(0, 1), "not valid JSON");
        builder.Flush();
        Drain(builder).ShouldBeEmpty();
        tally.Invalid.ShouldBe(1);
        tally.Errors.Single().Keyword.ShouldBe("json");
    }

    [Fact]
    public void The_tally_keeps_the_first_errors_in_file_order_whatever_the_arrival_order()
    {
        var tally = new ValidationTally(3);
        // Lines 50 and 60 are not JSON and are known first; the server's verdicts on lines 10-40 arrive later.
        tally.AddUnreadable(new DocumentPosition(5, 60), "bad");
        tally.AddUnreadable(new DocumentPosition(4, 50), "bad");
        var batch = new DocumentBatch(ReadOnlyMemory<byte>.Empty, [new(0, 10), new(1, 20), new(2, 30), new(3, 40)]);
        tally.AddBatch(batch, new BatchResultDto
        {
            Valid = 1,
            Invalid = 3,
            Results =
            [
                new BatchItemDto { Index = 0, Valid = true },
                new BatchItemDto { Index = 1, Valid = false, Errors = [new("/a", "/p/a", "type", "a"), new("/b", "/p/b", "type", "b")] },
                new BatchItemDto { Index = 2, Valid = false, Errors = [new("/c", "/p/c", "type", "c")] },
                new BatchItemDto { Index = 3, Valid = false, Errors = [new("/d", "/p/d", "type", "d")] },
            ],
        });
        tally.Valid.ShouldBe(1);
        tally.Invalid.ShouldBe(5);
        tally.Errors.Select(e => (e.Position.Line, e.InstancePath)).ShouldBe([(20L, "/a"), (20L, "/b"), (30L, "/c")]);
    }

    [Fact]
    public void A_batch_answer_with_the_wrong_number_of_verdicts_is_an_error()
    {
        var tally = new ValidationTally(3);
        var batch = new DocumentBatch(ReadOnlyMemory<byte>.Empty, [new(0, 1), new(1, 2)]);
        Should.Throw<RegistryApiException>(() => tally.AddBatch(batch, new BatchResultDto { Results = [new BatchItemDto { Valid = true }] }));
    }
}
