using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using SchemaRegistry.Core.Formats;
using SchemaRegistry.Formats.JsonSchema;

namespace SchemaRegistry.Benchmarks;

/// <summary>
/// A valid document from its bytes, as the validation endpoint gets it: the stream path (no document built) against
/// parsing a <see cref="JsonDocument"/> and running the compiled element path on it.
/// </summary>
[MemoryDiagnoser]
public class RequestBodyBenchmarks
{
    private IDataValidator _validator = null!;
    private byte[] _body = null!;

    [Params("small", "medium", "large")]
    public string Size { get; set; } = "medium";

    [GlobalSetup]
    public void Setup()
    {
        var name = PeerData.NameOf(Size);
        _validator = new JsonSchemaFormat().Parse(SchemaParseRequest.Of(PeerData.Schema(name))).Schema!.CompileValidator();
        _body = Encoding.UTF8.GetBytes(PeerData.Payload(name, valid: true));
        if (!Stream() || !ParseThenValidate()) throw new InvalidOperationException($"{name}: the valid payload was refused");
    }

    [Benchmark(Baseline = true)]
    public bool ParseThenValidate()
    {
        using var document = JsonDocument.Parse(_body);
        return _validator.Validate(document.RootElement).IsValid;
    }

    [Benchmark]
    public bool Stream()
    {
        return _validator.IsCertainlyValid(_body, 64, out _);
    }
}
