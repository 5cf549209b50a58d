using System.Text.Json;
using BenchmarkDotNet.Attributes;
using SchemaRegistry.Core.Formats;
using SchemaRegistry.Formats.JsonSchema;

namespace SchemaRegistry.Benchmarks;

/// <summary>
/// One Validate call on an already-parsed document, per payload size and validity, on the compiled path and on the
/// library path (JsonSchema.Net 8.0.5) for the same schema. The document is parsed once: what is measured is the
/// validator, as the HTTP endpoint calls it.
/// </summary>
[MemoryDiagnoser]
public class ValidationBenchmarks
{
    private IDataValidator _compiled = null!;
    private IDataValidator _library = null!;
    private JsonDocument _document = null!;

    [Params("small", "medium", "large")]
    public string Size { get; set; } = "medium";

    [Params(true, false)]
    public bool Valid { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var name = PeerData.NameOf(Size);
        var parsed = (ParsedJsonSchema)new JsonSchemaFormat().Parse(SchemaParseRequest.Of(PeerData.Schema(name))).Schema!;
        _compiled = parsed.CompileValidator();
        if (_compiled.Engine != "compiled") throw new InvalidOperationException($"{name} did not compile");
        _library = parsed.CompileLibraryValidator();
        _document = JsonDocument.Parse(PeerData.Payload(name, Valid));
        if (_compiled.Validate(_document.RootElement).IsValid != Valid || _library.Validate(_document.RootElement).IsValid != Valid)
            throw new InvalidOperationException("wrong verdict");
    }

    [GlobalCleanup]
    public void Cleanup() => _document.Dispose();

    [Benchmark(Baseline = true)]
    public ValidationOutcome Library() => _library.Validate(_document.RootElement);

    [Benchmark]
    public ValidationOutcome Compiled() => _compiled.Validate(_document.RootElement);
}
