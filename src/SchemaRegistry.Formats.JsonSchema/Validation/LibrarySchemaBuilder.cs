using System.Text.Json;
using Json.Schema;
using LibrarySchema = Json.Schema.JsonSchema;
using LibraryRegistry = Json.Schema.SchemaRegistry;
using Json.Schema.Keywords;
using SchemaRegistry.Formats.JsonSchema.Drafts;
using SchemaRegistry.Formats.JsonSchema.Parsing;

namespace SchemaRegistry.Formats.JsonSchema.Validation;

/// <summary>One document handed to JsonSchema.Net: the schema or one of its references.</summary>
/// <param name="Element">The document as written.</param>
/// <param name="Draft">The draft it is written in.</param>
/// <param name="Uris">The URIs it is known by (the first is its retrieval URI, the base when it has no <c>$id</c>).</param>
/// <param name="Label">How messages name it.</param>
internal sealed record LibraryDocument(JsonElement Element, JsonSchemaDraft Draft, IReadOnlyList<Uri> Uris, string Label);

/// <summary>The built schemas of one parse, the schema itself first.</summary>
internal sealed record LibraryBuild(LibrarySchema Root, IReadOnlyList<(LibraryDocument Document, LibrarySchema Schema)> All)
{
    /// <summary>
    /// True when the library resolves some reference at evaluation time (2019-09 <c>$recursiveRef</c>): it then
    /// mutates its caches on every evaluation, so concurrent evaluations must be serialized.
    /// </summary>
    public bool ResolvesLazily { get; init; }
}

/// <summary>
/// Builds schemas with JsonSchema.Net inside a private schema registry, so that two subjects using the same
/// <c>$id</c> never see each other, and references are found only among the documents supplied (the library's
/// registry never fetches: its fetch hook is not consulted).
/// </summary>
internal static class LibrarySchemaBuilder
{
    private static readonly JsonElement[] SmokeInstances =
    [
        JsonDocument.Parse("null").RootElement.Clone(),
        JsonDocument.Parse("{}").RootElement.Clone(),
        JsonDocument.Parse("[]").RootElement.Clone(),
        JsonDocument.Parse("\"\"").RootElement.Clone(),
        JsonDocument.Parse("0").RootElement.Clone(),
    ];

    private static readonly HashSet<Uri> WellKnown =
    [
        MetaSchemas.Draft6Id, MetaSchemas.Draft7Id, MetaSchemas.Draft201909Id, MetaSchemas.Draft202012Id,
        MetaSchemas.Applicator201909Id, MetaSchemas.Content201909Id, MetaSchemas.Core201909Id, MetaSchemas.Format201909Id,
        MetaSchemas.Metadata201909Id, MetaSchemas.Validation201909Id, MetaSchemas.Applicator202012Id,
        MetaSchemas.Content202012Id, MetaSchemas.Core202012Id, MetaSchemas.FormatAnnotation202012Id,
        MetaSchemas.FormatAssertion202012Id, MetaSchemas.Metadata202012Id, MetaSchemas.Unevaluated202012Id,
        MetaSchemas.Validation202012Id, LibrarySchema.True.BaseUri, LibrarySchema.False.BaseUri,
    ];

    /// <summary>
    /// Builds every document (references first, so the schema finds them) in one private registry. Throws the
    /// library's exceptions for schemas it refuses; <see cref="SchemaParser"/> turns them into messages.
    /// </summary>
    public static LibraryBuild Build(LibraryDocument root, IReadOnlyList<LibraryDocument> references, LibraryDialects dialects)
    {
        var registry = new LibraryRegistry();
        var dialectRegistry = dialects.NewDialectRegistry();
        var vocabularies = dialects.NewVocabularyRegistry();
        var built = new List<(LibraryDocument, LibrarySchema)>();
        foreach (var document in references.Append(root))
        {
            var options = new BuildOptions
            {
                SchemaRegistry = registry,
                DialectRegistry = dialectRegistry,
                VocabularyRegistry = vocabularies,
                Dialect = dialects.For(document.Draft),
            };
            var element = LibraryInput.Prepare(document.Element, document.Draft, document.Uris[0]);
            var schema = LibrarySchema.Build(element, options, document.Uris[0]);
            foreach (var uri in document.Uris)
            {
                if (!Equals(SchemaWalker.WithoutFragment(uri), SchemaWalker.WithoutFragment(schema.BaseUri))) registry.Register(uri, schema);
            }
            built.Add((document, schema));
        }
        // A reference may point into a reference built after it; evaluating once lets the library retry the
        // resolution now that every document is registered (single-threaded here, so its lazy retry is safe).
        foreach (var (_, schema) in built) Smoke(schema, throwOnFailure: false);
        var lazily = references.Append(root).Any(d => d.Draft == JsonSchemaDraft.Draft201909 && d.Element.GetRawText().Contains("\"$recursiveRef\"", StringComparison.Ordinal));
        return new LibraryBuild(built[^1].Item2, built) { ResolvesLazily = lazily };
    }

    /// <summary>Evaluates a few trivial instances so that failures the library only detects while evaluating surface now.</summary>
    public static void Smoke(LibrarySchema schema, bool throwOnFailure)
    {
        var options = new EvaluationOptions { OutputFormat = OutputFormat.Flag };
        foreach (var instance in SmokeInstances)
        {
            try
            {
                schema.Evaluate(instance, options);
            }
            catch (RefResolutionException) when (!throwOnFailure)
            {
                return;
            }
        }
    }

    /// <summary>
    /// The first <c>$ref</c> the library could not resolve, or resolved outside the supplied documents (through its
    /// process-wide registry), as a message with its location; null when every reference is sound.
    /// </summary>
    public static string? FindUnresolvedReference(LibraryBuild build)
    {
        var ours = new HashSet<Uri>(WellKnown);
        foreach (var (_, schema) in build.All) CollectBases(schema.Root, ours, []);
        foreach (var (document, schema) in build.All)
        {
            var problem = CheckReferences(schema.Root, "", ours, [], document);
            if (problem is not null) return problem;
        }
        return null;
    }

    private static void CollectBases(JsonSchemaNode node, HashSet<Uri> bases, HashSet<JsonSchemaNode> seen)
    {
        if (!seen.Add(node)) return;
        bases.Add(node.BaseUri);
        foreach (var keyword in node.Keywords)
        {
            if (keyword.Handler is RefKeyword) continue;
            foreach (var child in keyword.Subschemas) CollectBases(child, bases, seen);
        }
    }

    private static string? CheckReferences(JsonSchemaNode node, string path, HashSet<Uri> ours, HashSet<JsonSchemaNode> seen, LibraryDocument document)
    {
        if (!seen.Add(node)) return null;
        foreach (var keyword in node.Keywords)
        {
            var at = path + "/" + keyword.Handler.Name;
            if (keyword.Handler is RefKeyword and not Json.Schema.Keywords.Draft201909.RecursiveRefKeyword)
            {
                var target = keyword.Subschemas.FirstOrDefault();
                if (target is null || !ours.Contains(target.BaseUri))
                {
                    var where = document.Label == ParseLabels.TheSchema ? at : $"{at} (in {document.Label})";
                    return $"{where}: cannot resolve \"{keyword.RawValue.GetString()}\": it is neither a location in this schema nor the name of a supplied reference.";
                }
                continue;
            }
            foreach (var child in keyword.Subschemas)
            {
                var problem = CheckReferences(child, at + child.RelativePath, ours, seen, document);
                if (problem is not null) return problem;
            }
        }
        return null;
    }
}
