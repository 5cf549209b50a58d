using System.Text.Json;

namespace SchemaRegistry.Testing;

/// <summary>
/// Reads Apicurio Registry's Avro compatibility-test-data.json in place (4 cases; same semantics as
/// <see cref="ApicurioCompatibilityData"/>: 'backward' = BACKWARD and not FORWARD, 'both', 'none').
/// </summary>
public static class ApicurioAvroCompatibilityData
{
    /// <summary>Cases where this registry deliberately disagrees with Apicurio: none.</summary>
    public static readonly IReadOnlyDictionary<string, string> KnownDisagreements = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Every enabled case, in file order.</summary>
    public static IReadOnlyList<ApicurioCase> Cases()
    {
        var path = ConformanceData.PathOf("apicurio", "schema-util", "avro", "src", "test", "resources", "io", "apicurio", "registry",
            "rules", "compatibility", "avro", "compatibility-test-data.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var cases = new List<ApicurioCase>();
        var index = 0;
        foreach (var test in document.RootElement.GetProperty("tests").EnumerateArray())
        {
            index++;
            if (test.TryGetProperty("enabled", out var enabled) && enabled.ValueKind == JsonValueKind.False) continue;
            cases.Add(new ApicurioCase(index, test.GetProperty("id").GetString()!, test.GetProperty("original").GetRawText(),
                test.GetProperty("updated").GetRawText(), test.GetProperty("compatibility").GetString()!));
        }
        return cases;
    }
}
