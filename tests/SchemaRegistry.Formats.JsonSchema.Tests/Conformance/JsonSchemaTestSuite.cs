using System.Text.Json;
using SchemaRegistry.Core.Formats;

namespace SchemaRegistry.Formats.JsonSchema.Tests.Conformance;

/// <summary>One case of the JSON-Schema-Test-Suite: a schema, a document and the expected verdict.</summary>
/// <param name="File">The test file name, e.g. <c>ref.json</c>.</param>
/// <param name="Group">The description of the schema's group.</param>
/// <param name="Description">The description of the case.</param>
/// <param name="SchemaText">The schema, as JSON text.</param>
/// <param name="DataText">The document, as JSON text.</param>
/// <param name="Valid">The expected verdict.</param>
public sealed record SuiteCase(string File, string Group, string Description, string SchemaText, string DataText, bool Valid)
{
    /// <summary>A stable identifier for reports and exclusion lists.</summary>
    public string Id => $"{File} | {Group} | {Description}";

    /// <inheritdoc />
    public override string ToString() => Id;
}

/// <summary>
/// Reads json-schema-org/JSON-Schema-Test-Suite from the shared conformance folder, in place. Reusable by any runner
/// (this project's in-process one, or one that goes through the HTTP API): it yields plain cases and, for each schema,
/// the suite's remote documents it needs as <see cref="ResolvedReference"/>s named by their
/// <c>http://localhost:1234/...</c> URL, so nothing is ever fetched.
/// </summary>
public static class JsonSchemaTestSuite
{
    /// <summary>The URL the suite serves its remotes from.</summary>
    public const string RemoteBase = "http://localhost:1234/";

    private static readonly Lazy<IReadOnlyDictionary<string, string>> RemoteTexts = new(LoadRemotes);

    /// <summary>The required (top-level, not <c>optional/</c>) test files of a draft folder, e.g. <c>draft2020-12</c>.</summary>
    public static IReadOnlyList<string> Files(string draftFolder) =>
        [.. Directory.GetFiles(ConformanceData.PathOf("json-schema-test-suite", "tests", draftFolder), "*.json").Order(StringComparer.Ordinal)];

    /// <summary>Every case of the required tests of a draft folder, in file order.</summary>
    public static IEnumerable<SuiteCase> Cases(string draftFolder)
    {
        foreach (var path in Files(draftFolder))
        {
            var file = Path.GetFileName(path);
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            foreach (var group in document.RootElement.EnumerateArray())
            {
                var schema = group.GetProperty("schema").GetRawText();
                var groupDescription = group.GetProperty("description").GetString()!;
                foreach (var test in group.GetProperty("tests").EnumerateArray())
                {
                    yield return new SuiteCase(file, groupDescription, test.GetProperty("description").GetString()!,
                        schema, test.GetProperty("data").GetRawText(), test.GetProperty("valid").GetBoolean());
                }
            }
        }
    }

    /// <summary>
    /// The remote documents a schema needs, transitively: every <c>$ref</c> and <c>$schema</c> that resolves (against
    /// the <c>$id</c>s around it) to a URL under <see cref="RemoteBase"/>.
    /// </summary>
    public static IReadOnlyList<ResolvedReference> RemotesFor(string schemaText)
    {
        var needed = new List<string>();
        var pending = new Queue<(string Text, Uri Base)>();
        pending.Enqueue((schemaText, new Uri("https://schema-registry.invalid/schema.json")));
        while (pending.Count > 0)
        {
            var (text, baseUri) = pending.Dequeue();
            using var document = JsonDocument.Parse(text);
            foreach (var url in ReferencedUrls(document.RootElement, baseUri))
            {
                if (needed.Contains(url) || !RemoteTexts.Value.TryGetValue(url, out var remote)) continue;
                needed.Add(url);
                pending.Enqueue((remote, new Uri(url)));
            }
        }
        return [.. needed.Select(url => new ResolvedReference(url, "remote:" + url[RemoteBase.Length..], 1, "JSON", RemoteTexts.Value[url], []))];
    }

    private static IEnumerable<string> ReferencedUrls(JsonElement element, Uri baseUri)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                foreach (var url in ReferencedUrls(item, baseUri)) yield return url;
            }
            yield break;
        }
        if (element.ValueKind != JsonValueKind.Object) yield break;
        foreach (var idKeyword in (string[])["$id", "id"])
        {
            if (element.TryGetProperty(idKeyword, out var id) && id.ValueKind == JsonValueKind.String
                && Uri.TryCreate(baseUri, id.GetString(), out var rebased))
            {
                baseUri = rebased;
            }
        }
        foreach (var member in element.EnumerateObject())
        {
            if (member.Name is "$ref" or "$schema" or "$dynamicRef" && member.Value.ValueKind == JsonValueKind.String
                && Uri.TryCreate(baseUri, member.Value.GetString(), out var target))
            {
                var url = target.GetLeftPart(UriPartial.Query);
                if (url.StartsWith(RemoteBase, StringComparison.Ordinal)) yield return url;
            }
            foreach (var url in ReferencedUrls(member.Value, baseUri)) yield return url;
        }
    }

    private static IReadOnlyDictionary<string, string> LoadRemotes()
    {
        var folder = ConformanceData.PathOf("json-schema-test-suite", "remotes");
        return Directory.GetFiles(folder, "*.json", SearchOption.AllDirectories).ToDictionary(
            path => RemoteBase + Path.GetRelativePath(folder, path).Replace(Path.DirectorySeparatorChar, '/'),
            File.ReadAllText,
            StringComparer.Ordinal);
    }
}
