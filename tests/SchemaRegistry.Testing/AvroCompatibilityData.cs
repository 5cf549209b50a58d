using System.Text.Json;
using System.Text.RegularExpressions;

namespace SchemaRegistry.Testing;

/// <summary>
/// One case of Apache Avro's reader/writer compatibility suite (avro-compatibility.json): can a reader using
/// <see cref="Reader"/> decode data written with <see cref="Writer"/>?
/// </summary>
/// <param name="Id">The case id in the file.</param>
/// <param name="Test">The test group, e.g. <c>test_schema_compatibility_type_mismatch</c>.</param>
/// <param name="Names">The reader and writer constant names of the original suite.</param>
/// <param name="Reader">The reader schema text.</param>
/// <param name="Writer">The writer schema text.</param>
/// <param name="Compatible">The expected verdict.</param>
/// <param name="Expected">The expected incompatibilities as (Java message, Java location), when the suite gives them.</param>
public sealed record AvroCompatibilityCase(int Id, string Test, string Names, string Reader, string Writer, bool Compatible,
    IReadOnlyList<(string Message, string Location)> Expected)
{
    /// <summary>A unique, readable key.</summary>
    public string Key => $"#{Id} {Names}";

    /// <inheritdoc />
    public override string ToString() => Key;
}

/// <summary>
/// Reads avro-compatibility.json in place (137 cases transcribed from Apache Avro's Python suite, which mirrors Java's
/// TestSchemaCompatibility*). The expected messages are the Python checker's wording; <see cref="JavaMessage"/> turns
/// them into Java's (upper-case type names, sorted <c>[A, B]</c> symbol lists), which Confluent reports.
/// </summary>
public static partial class AvroCompatibilityData
{
    /// <summary>
    /// Cases where this registry deliberately answers otherwise (argued in docs/formats.avro.md), by id, with the reason.
    /// None: every case agrees.
    /// </summary>
    public static readonly IReadOnlyDictionary<int, string> KnownDisagreements = new Dictionary<int, string>();

    /// <summary>Every case, in file order.</summary>
    public static IReadOnlyList<AvroCompatibilityCase> Cases()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(ConformanceData.PathOf("avro-compatibility.json")));
        var cases = new List<AvroCompatibilityCase>();
        foreach (var item in document.RootElement.GetProperty("cases").EnumerateArray())
        {
            var messages = Strings(item.GetProperty("message"));
            var locations = Strings(item.GetProperty("location"));
            cases.Add(new AvroCompatibilityCase(
                item.GetProperty("id").GetInt32(),
                item.GetProperty("test").GetString()!,
                $"{item.GetProperty("reader_name").GetString()} reads {item.GetProperty("writer_name").GetString()}",
                item.GetProperty("reader").GetRawText(),
                item.GetProperty("writer").GetRawText(),
                item.GetProperty("expected").GetString() == "compatible",
                [.. messages.Zip(locations, (m, l) => (JavaMessage(m), l))]));
        }
        return cases;
    }

    /// <summary>The Python suite's message in Java's wording.</summary>
    public static string JavaMessage(string python)
    {
        var types = TypeMismatch().Match(python);
        if (types.Success)
            return $"reader type: {types.Groups[1].Value.ToUpperInvariant()} not compatible with writer type: {types.Groups[2].Value.ToUpperInvariant()}";
        if (python.StartsWith('{') && python.EndsWith('}'))
        {
            var symbols = python[1..^1].Split(',').Select(s => s.Trim().Trim('\'')).Order(StringComparer.Ordinal);
            return "[" + string.Join(", ", symbols) + "]";
        }
        return python;
    }

    private static IEnumerable<string> Strings(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => value.EnumerateArray().Select(v => v.GetString()!).ToList(),
        JsonValueKind.String => [value.GetString()!],
        _ => [],
    };

    [GeneratedRegex("^reader type: (\\w+) not compatible with writer type: (\\w+)$")]
    private static partial Regex TypeMismatch();
}
