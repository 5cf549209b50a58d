using System.Text.Json;

namespace SchemaRegistry.Testing;

/// <summary>One Apicurio compatibility case: two schemas and the expected verdicts.</summary>
/// <param name="Index">Position in the file (ids repeat, so the index disambiguates).</param>
/// <param name="Id">Apicurio's id, e.g. <c>Number: exclusiveMinimum 2</c>.</param>
/// <param name="Original">The original schema text.</param>
/// <param name="Updated">The updated schema text.</param>
/// <param name="Expected"><c>backward</c> (BACKWARD and not FORWARD), <c>both</c> or <c>none</c>.</param>
public sealed record ApicurioCase(int Index, string Id, string Original, string Updated, string Expected)
{
    /// <summary>True when BACKWARD (updated reads original's data) is expected.</summary>
    public bool ExpectBackward => Expected is "backward" or "both";

    /// <summary>True when FORWARD (original reads updated's data) is expected.</summary>
    public bool ExpectForward => Expected == "both";

    /// <summary>A unique key: index and id.</summary>
    public string Key => $"#{Index} {Id}";

    /// <inheritdoc />
    public override string ToString() => Key;
}

/// <summary>
/// Reads Apicurio Registry's JSON Schema compatibility-test-data.json in place (see apicurio/SOURCE.txt for the
/// semantics: 'backward' = BACKWARD and not FORWARD, 'both', 'none'). Reusable by an HTTP-level runner.
/// </summary>
public static class ApicurioCompatibilityData
{
    /// <summary>
    /// Where this registry deliberately disagrees with Apicurio (argued in docs/compatibility.md), shared by the in-process
    /// and the HTTP runners. Case key to our verdict ("backward", "both", "none" or "forward") with the reason in one line.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> KnownDisagreements = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // oneOf refuses a value that matches two alternatives. {"maxLength": 5} matches every non-string and every short
        // string, so it overlaps {"type": "string"}: "abcdefg" is valid before (it matches only the string branch) and
        // refused after (it matches both). The old schema is in fact FORWARD compatible with the new one, not BACKWARD;
        // we cannot prove either direction without deciding overlap of arbitrary branches, so we answer none.
        ["#118 Complex: oneOf 1"] = "none: the oneOf alternatives overlap; 'abcdefg' is valid before and refused after (the true answer is forward)",
        // oneOf [string] accepts exactly the strings; oneOf [string, {maxLength: 5}] refuses "abc" (it matches both) and
        // accepts 5 (it matches only the second): neither direction holds.
        ["#120 Complex: oneOf 3"] = "none: the added alternative overlaps the old one; 'abc' is refused after, 5 was refused before",
    };

    /// <summary>Every enabled case, in file order.</summary>
    public static IReadOnlyList<ApicurioCase> Cases()
    {
        var path = ConformanceData.PathOf("apicurio", "schema-util", "json", "src", "test", "resources", "io", "apicurio", "registry",
            "rules", "compatibility", "jsonschema", "compatibility-test-data.json");
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
