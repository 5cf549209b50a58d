using BenchmarkDotNet.Attributes;
using SchemaRegistry.Core.Formats;
using SchemaRegistry.Formats.JsonSchema;

namespace SchemaRegistry.Benchmarks;

/// <summary>
/// The work of one registration in the load tool's shape (`SchemaRegistry.LoadTest`): a closed object that gains one
/// optional property per version, registered at BACKWARD_TRANSITIVE over <see cref="Versions"/> earlier versions.
/// Measured apart: parsing the candidate's text (a text never seen before, as every registration's is), the full diff
/// against the latest version, and the breaking-only diffs against all earlier ones (what the check runs for them)
/// beside the full diffs it ran before.
/// </summary>
[MemoryDiagnoser]
public class TransitiveCheckBenchmarks
{
    private readonly JsonSchemaFormat _format = new();
    private IParsedSchema[] _history = [];
    private IParsedSchema _candidate = null!;
    private int _parses;

    /// <summary>Earlier versions of the subject.</summary>
    [Params(10, 30)]
    public int Versions { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _history = [.. Enumerable.Range(1, Versions).Select(v => Parse(Text("s", v)))];
        _candidate = Parse(Text("s", Versions + 1));
    }

    /// <summary>A text no earlier iteration has parsed (the parse cache cannot answer).</summary>
    [Benchmark]
    public IParsedSchema ParseCandidate() => Parse(Text("p" + _parses++, Versions + 1));

    [Benchmark]
    public int FullDiffAgainstLatest() => _candidate.DiffFrom(_history[^1]).Count;

    /// <summary>What the check ran against earlier versions before the breaking-only diff: the full diff of each.</summary>
    [Benchmark]
    public int FullDiffsAgainstAllEarlier()
    {
        var changes = 0;
        foreach (var earlier in _history) changes += _candidate.DiffFrom(earlier).Count;
        return changes;
    }

    [Benchmark]
    public int BreakingDiffsAgainstAllEarlier()
    {
        var breaking = 0;
        foreach (var earlier in _history) breaking += _candidate.BreakingChangesFrom(earlier).Count;
        return breaking;
    }

    private IParsedSchema Parse(string text) => _format.Parse(SchemaParseRequest.Of(text)).Schema ?? throw new InvalidOperationException(text);

    private static string Text(string subject, int version)
    {
        var properties = string.Join(",", Enumerable.Range(0, version).Select(p => $"\"r_c3_{subject}_p{p}\":{{\"type\":\"string\"}}"));
        return $"{{\"type\":\"object\",\"additionalProperties\":false,\"properties\":{{{properties}}}}}";
    }
}
