using System.Text.Json;
using SchemaRegistry.Formats.JsonSchema.Drafts;
using SchemaRegistry.Formats.JsonSchema.Parsing;

namespace SchemaRegistry.Formats.JsonSchema.Validation.Compiled;

/// <summary>
/// The meta-schemas a schema may <c>$ref</c> (draft 6, 7, 2020-12 and its vocabularies), read from the copies inside
/// JsonSchema.Net, so a reference to one resolves to exactly what the library path evaluates.
/// </summary>
internal static class MetaSchemaDocuments
{
    private static readonly Lazy<SchemaSet> Set = new(Load);

    /// <summary>The meta-schemas, indexed like a parsed schema's documents.</summary>
    public static SchemaSet Documents => Set.Value;

    private static SchemaSet Load()
    {
        var assembly = typeof(Json.Schema.JsonSchema).Assembly;
        var documents = new List<SchemaDocument>();
        foreach (var name in assembly.GetManifestResourceNames().Order(StringComparer.Ordinal))
        {
            if (!name.StartsWith("Json.Schema.Meta_Schemas.", StringComparison.Ordinal) || name.Contains("2019_09", StringComparison.Ordinal)
                || name.EndsWith(".v1.json", StringComparison.Ordinal))
            {
                continue;
            }
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var document = JsonDocument.Parse(stream);
            var root = document.RootElement.Clone();
            var id = root.TryGetProperty("$id", out var value) ? value.GetString()! : "urn:meta:" + name;
            var draft = root.TryGetProperty("$schema", out var dialect) && Dialects.TryParse(dialect.GetString(), out var parsed) ? parsed : JsonSchemaDraft.Draft202012;
            documents.Add(new SchemaDocument(documents.Count, "meta-schema " + id, root, draft, SchemaWalker.WithoutFragment(new Uri(id))));
        }
        return new SchemaSet(documents, new Dictionary<int, IReadOnlyList<Uri>>());
    }
}
