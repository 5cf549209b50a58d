using System.Buffers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Formats;
using SchemaRegistry.Core.Observability;
using SchemaRegistry.Formats.JsonSchema;
using SchemaRegistry.Server.Endpoints.Native;
using SchemaRegistry.Server.Hosting;
using SchemaRegistry.Server.Tests.Support;

namespace SchemaRegistry.Server.Tests.Validation;

/// <summary>
/// A batch is decided where it lies in the request's buffer segments. Wherever the segments end (inside a number, a
/// string, an escape, between an item and its comma), every item gets the verdict it gets from one contiguous piece.
/// </summary>
public sealed class SegmentedBatchTests : IDisposable
{
    private readonly RegistryFactory _factory = new();
    private RegistryTelemetry Telemetry => _factory.Services.GetRequiredService<RegistryTelemetry>();
    private static readonly LimitOptions Limits = new();

    private static readonly IDataValidator Validator = new JsonSchemaFormat().Parse(SchemaParseRequest.Of(
        """{"type":["integer","string","object","array","boolean","null"],"minimum":0,"maxLength":5,"maxProperties":2}""")).Schema!.CompileValidator();

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData("""[12, 345, -1, "abc", "toolong", {"a":1}, {"a":1,"b":2,"c":3}, [1,2], true, null, 6789, "a\u0062", 1.5e2]""")]
    [InlineData("""[ 1 ,2,  "x" ,{"k":[10,-20]} , 7 ]""")]
    [InlineData("[]")]
    [InlineData("[100000]")]
    public void Every_split_gives_the_verdicts_of_one_piece(string batch)
    {
        var text = Encoding.UTF8.GetBytes(batch);
        var expected = Verdicts(new ReadOnlySequence<byte>(text));
        for (var first = 1; first < text.Length; first++)
        {
            Verdicts(Split(text, first)).ShouldBe(expected, $"split at {first}");
            for (var second = first + 1; second < text.Length; second += 3)
                Verdicts(Split(text, first, second)).ShouldBe(expected, $"split at {first} and {second}");
        }
    }

    [Theory]
    [InlineData("[1, 2,]")]
    [InlineData("[1 2]")]
    [InlineData("[12, \"ab]")]
    [InlineData("{\"a\": 1}")]
    [InlineData("[1] x")]
    public void Every_split_of_a_broken_batch_is_refused(string batch)
    {
        var text = Encoding.UTF8.GetBytes(batch);
        for (var first = 1; first < text.Length; first++)
        {
            Should.Throw<RegistryException>(() => Verdicts(Split(text, first)), $"split at {first}");
        }
    }

    private string[] Verdicts(ReadOnlySequence<byte> body)
    {
        var batch = ValidationDecisions.DecideBatch(Validator, body, Limits, Telemetry);
        try
        {
            return [.. batch.Outcomes.Take(batch.Count).Select(o => o.IsValid ? "valid" : "invalid: " + string.Join("; ", o.Errors.Select(e => e.Keyword)))];
        }
        finally
        {
            batch.Return();
        }
    }

    /// <summary>The text as a chain of segments ending at <paramref name="cuts"/>.</summary>
    private static ReadOnlySequence<byte> Split(byte[] text, params int[] cuts)
    {
        var bounds = cuts.Append(text.Length).ToArray();
        var first = new Chunk(text.AsMemory(0, bounds[0]), null);
        var last = first;
        for (var i = 1; i < bounds.Length; i++) last = new Chunk(text.AsMemory(bounds[i - 1], bounds[i] - bounds[i - 1]), last);
        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Chunk : ReadOnlySequenceSegment<byte>
    {
        public Chunk(ReadOnlyMemory<byte> memory, Chunk? previous)
        {
            Memory = memory;
            if (previous is null) return;
            RunningIndex = previous.RunningIndex + previous.Memory.Length;
            previous.Next = this;
        }
    }
}
