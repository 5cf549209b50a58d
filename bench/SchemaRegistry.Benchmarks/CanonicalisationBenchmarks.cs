using BenchmarkDotNet.Attributes;
using SchemaRegistry.Core.Formats;
using SchemaRegistry.Formats.JsonSchema;

namespace SchemaRegistry.Benchmarks;

/// <summary>
/// Parsing a schema (JSON, meta-schema, regexes, references, the library build) into its canonical form, as
/// written and normalized, per size; and compiling the validator of a parsed schema (the rest of registration's
/// per-schema cost). The registration path end to end (store included) is the lead's RegistrationBenchmarks.
/// </summary>
[MemoryDiagnoser]
public class CanonicalisationBenchmarks
{
    private readonly JsonSchemaFormat _format = new();
    private string _text = "";
    private IParsedSchema _parsed = null!;

    [Params("small", "medium", "large")]
    public string Size { get; set; } = "medium";

    [GlobalSetup]
    public void Setup()
    {
        _text = PeerData.Schema(PeerData.NameOf(Size));
        _parsed = _format.Parse(SchemaParseRequest.Of(_text)).Schema!;
    }

    [Benchmark]
    public string Canonical() => _format.Parse(SchemaParseRequest.Of(_text)).Schema!.CanonicalText;

    [Benchmark]
    public string Normalized() => _format.Parse(new SchemaParseRequest(_text, [], Normalize: true)).Schema!.CanonicalText;

    [Benchmark]
    public IDataValidator CompileValidator() => _parsed.CompileValidator();
}
