using BenchmarkDotNet.Attributes;
using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Core.Formats;
using SchemaRegistry.Formats.JsonSchema;

namespace SchemaRegistry.Benchmarks;

/// <summary>
/// A compatibility check between two realistic versions of the medium schema: v2 adds an optional property, widens a
/// bound, adds an enum value and tightens a string (one breaking change among compatible ones). Both are parsed
/// once; the check (diff + policy at BACKWARD) is measured, and the diff alone.
/// </summary>
[MemoryDiagnoser]
public class CompatibilityBenchmarks
{
    private IParsedSchema _v1 = null!;
    private IParsedSchema _v2 = null!;

    [GlobalSetup]
    public void Setup()
    {
        var format = new JsonSchemaFormat();
        var text = PeerData.Schema("chat-completion");
        _v1 = format.Parse(SchemaParseRequest.Of(text)).Schema!;
        var v2 = text
            .Replace("\"maxItems\": 50", "\"maxItems\": 100", StringComparison.Ordinal)
            .Replace("\"content_filter\"]", "\"content_filter\", \"refusal\"]", StringComparison.Ordinal)
            .Replace("\"summary\": { \"type\": \"string\", \"minLength\": 1, \"maxLength\": 1000 }",
                "\"summary\": { \"type\": \"string\", \"minLength\": 1, \"maxLength\": 800 }, \"language\": { \"type\": \"string\", \"pattern\": \"^[a-z]{2}$\" }", StringComparison.Ordinal);
        if (v2 == text) throw new InvalidOperationException("the edit did not apply");
        _v2 = format.Parse(SchemaParseRequest.Of(v2)).Schema!;
    }

    [Benchmark]
    public IReadOnlyList<SchemaChange> Diff() => _v2.DiffFrom(_v1);

    [Benchmark]
    public bool BackwardCheck() => CompatibilityChecker.Check(CompatibilityLevel.Backward, _v2, [new VersionedSchema(1, _v1)]).IsCompatible;
}
