using System.Text.Json;
using Json.Schema;
using SchemaRegistry.Core.Formats;
using SchemaRegistry.Formats.JsonSchema.Canonical;
using SchemaRegistry.Formats.JsonSchema.Drafts;
using SchemaRegistry.Formats.JsonSchema.Support;
using SchemaRegistry.Formats.JsonSchema.Validation;

namespace SchemaRegistry.Formats.JsonSchema.Parsing;

/// <summary>
/// Turns schema text into a <see cref="ParsedJsonSchema"/> or a message that says what is wrong and where. Every check
/// that could make a later evaluation fail runs here: JSON syntax, duplicate members, the draft's meta-schema, regular
/// expressions, references (resolved only among the supplied documents) and the library's own build.
/// </summary>
internal sealed class SchemaParser
{
    /// <summary>The base URI of a schema without <c>$id</c>: an address that can never be fetched.</summary>
    public static readonly Uri DefaultBaseUri = new("https://schema-registry.invalid/schema.json");

    /// <summary>
    /// More subschemas than any real schema has; the bound keeps the library's recursive build within the stack the
    /// parse runs on (see <see cref="LargeStack"/>), whatever the size of the text.
    /// </summary>
    public const int MaxSubschemas = 50_000;

    private readonly JsonSchemaFormatOptions _options;
    private readonly LibraryDialects _parseDialects;
    private readonly LibraryDialects _validatorDialects;

    public SchemaParser(JsonSchemaFormatOptions options)
    {
        _options = options;
        // Parsing only checks that patterns compile; validators run them, so only theirs pay for compilation.
        _parseDialects = new LibraryDialects(new PatternRegexFactory(options.PatternMatchTimeout, compiled: false));
        _validatorDialects = new LibraryDialects(new PatternRegexFactory(options.PatternMatchTimeout, compiled: true));
    }

    public SchemaParseResult Parse(SchemaParseRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            // References nest and chain without bound: such parses run on the large stack from the start. A schema
            // alone is read here (reading is iterative, and its checks recurse at most DocumentShape.MaxJsonDepth deep);
            // without reference keywords its whole parse then fits this thread's stack, if it is an ordinary one.
            if (request.References is { Count: > 0 }) return LargeStack.Run(() => ParseChecked(request, null));
            var root = ReadDocument(request.Text, ParseLabels.TheSchema);
            return LargeStack.RunInlineIfOrdinary(root.Shape.FitsOrdinaryStack, () => ParseChecked(request, root));
        }
        catch (SchemaRejectedException rejected)
        {
            return SchemaParseResult.Fail(rejected.Message);
        }
#pragma warning disable CA1031 // The contract is "never throw for bad input": whatever the library throws on a schema is a refusal.
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return SchemaParseResult.Fail($"The schema cannot be used: {e.Message}");
        }
#pragma warning restore CA1031
    }

    private SchemaParseResult ParseChecked(SchemaParseRequest request, ReadDocumentResult? alreadyRead)
    {
        var root = alreadyRead ?? ReadDocument(request.Text, ParseLabels.TheSchema);
        var references = ReadReferences(request.References ?? [], root);
        // Without any reference keyword the schema's subschemas only nest, as its JSON does (see DocumentShape).
        var referenceFree = !root.Shape.HasReferenceKeywords && references.TrueForAll(r => !r.Shape.HasReferenceKeywords);
        var draft = DetermineDraft(root.Element, references, out var customMetaSchema);
        if (customMetaSchema is null) Reject(MetaSchemaCheck.Check(root.Element, draft));
        foreach (var document in references.Prepend(root with { Draft = draft }))
        {
            // Only patternProperties and pattern hold regexes: a text that never spells "pattern" (nor escapes anything,
            // which could spell it otherwise) has none to check.
            var raw = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(document.Element);
            if (raw.IndexOf("pattern"u8) < 0 && raw.IndexOf((byte)'\\') < 0) continue;
            Reject(Locate(document.Label, StaticChecks.FindInvalidRegex(document.Element, document.Draft, document.Uris[0])));
        }

        var documents = new List<SchemaDocument> { new(0, ParseLabels.TheSchema, root.Element, draft, DefaultBaseUri) };
        var extraUris = new Dictionary<int, IReadOnlyList<Uri>>();
        foreach (var reference in references)
        {
            documents.Add(new SchemaDocument(documents.Count, reference.Label, reference.Element, reference.Draft, reference.Uris[0]));
            extraUris[documents.Count - 1] = reference.Uris;
        }
        var set = new SchemaSet(documents, extraUris);
        if (set.SubschemaCount > MaxSubschemas)
            throw new SchemaRejectedException($"The schema and its references hold {set.SubschemaCount} subschemas; at most {MaxSubschemas} are accepted.");
        // Before anything evaluates the schema: the library would recurse until the stack overflows. A cycle needs a
        // reference (every other edge leads deeper into the document), so a reference-free schema has none.
        if (!referenceFree) Reject(RecursionCheck.FindCycle(set));

        var rootDocument = new LibraryDocument(root.Element, draft, [DefaultBaseUri], ParseLabels.TheSchema);
        var libraryReferences = references.Select(r => new LibraryDocument(r.Element, r.Draft, r.Uris, r.Label)).ToList();
        // The library's build is the last check before a schema is accepted: it proves that the library path, which
        // validates what the compiled path does not cover, can use the schema, and it refuses what the library cannot
        // read. A plain schema (no references, no identifiers, only keywords its draft's meta-schema pins down: see
        // PlainSchema) is covered by the compiled path, so it never reaches the library, and it has already met the
        // meta-schema and the regex check above: the build, most of the parse, could only cost time. The differential
        // test (LibrarySkipAtParseTests) compiles and builds every such schema of the suites and of thousands of keyword
        // mutations anyway, and finds neither a fallback nor anything the library refuses.
        var libraryNeeded = !referenceFree || customMetaSchema is not null || !PlainSchema.Is(root.Element, draft, root.Shape);
        if (libraryNeeded)
        {
            LibraryBuild build;
            try
            {
                build = LibrarySchemaBuilder.Build(rootDocument, libraryReferences, _parseDialects);
            }
            catch (JsonSchemaException e)
            {
                throw new SchemaRejectedException($"The schema cannot be built: {e.Message}");
            }
            if (!referenceFree)
            {
                Reject(LibrarySchemaBuilder.FindUnresolvedReference(build));
                SmokeOnOrdinaryStack(build);
            }
            // A reference-free schema has nothing FindUnresolvedReference could report, and the build has already
            // evaluated the smoke instances on it (LibrarySchemaBuilder.Build does, for every document): with no
            // reference to resolve and no reference keyword to check the stack, evaluating them again on a 1 MB thread
            // can only succeed again.
            if (customMetaSchema is not null)
            {
                var meta = build.All.First(b => b.Document.Label == customMetaSchema.Label).Schema;
                Reject(MetaSchemaCheck.Check(root.Element, meta));
            }
        }

        var canonical = request.Normalize ? SchemaNormalizer.Normalize(root.Element, draft)
            : CanonicalJson.IsCanonical(request.Text!) ? request.Text! : CanonicalJson.Write(root.Element);
        var declared = (request.References ?? []).Select(r => new SchemaReference(r.Name, r.Subject, r.Version)).ToList();
        return SchemaParseResult.Ok(new ParsedJsonSchema(
            canonical, declared, draft, set, _options, rootDocument, libraryReferences, _validatorDialects, fitsOrdinaryStack: referenceFree)
        {
            LibraryBuiltAtParse = libraryNeeded,
        });
    }

    /// <summary>Evaluates the smoke instances on a 1 MB thread, as requests will: the validator must be usable where it will run.</summary>
    private static void SmokeOnOrdinaryStack(LibraryBuild build)
    {
        try
        {
            LargeStack.Run(() =>
            {
                LibrarySchemaBuilder.Smoke(build.Root, throwOnFailure: true);
                return true;
            }, LargeStack.Ordinary);
        }
        catch (RefResolutionException e)
        {
            throw new SchemaRejectedException($"A reference cannot be resolved during evaluation: {e.Message}");
        }
        catch (InsufficientExecutionStackException)
        {
            throw new SchemaRejectedException("References chain too deeply: evaluating the schema would exhaust an ordinary thread's stack.");
        }
    }

    private sealed record ReadDocumentResult(JsonElement Element, JsonSchemaDraft Draft, List<Uri> Uris, string Label, DocumentShape Shape);

    private ReadDocumentResult ReadDocument(string? text, string label)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new SchemaRejectedException($"{Capitalize(label)} is empty.");
        JsonElement element;
        try
        {
            using var document = JsonDocument.Parse(text);
            element = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new SchemaRejectedException($"{Capitalize(label)} is not valid JSON: {e.Message}");
        }
        if (element.ValueKind is not (JsonValueKind.Object or JsonValueKind.True or JsonValueKind.False))
            throw new SchemaRejectedException($"{Capitalize(label)} must be a JSON object or a boolean, not {Describe(element.ValueKind)}.");
        var shape = DocumentShape.Measure(element, out var duplicate);
        if (duplicate) Reject(Locate(label, StaticChecks.FindDuplicateKey(element)));
        return new ReadDocumentResult(element, _options.DefaultDraft, [DefaultBaseUri], label, shape);
    }

    /// <summary>
    /// Reads every reference, transitively, in <see cref="ResolvedReference.Flatten"/> order (each name once). A
    /// reference is known by its name resolved against the base URI of the schema that declares it, and against the
    /// root's, so a <c>$ref</c> written relative to either <c>$id</c> finds it.
    /// </summary>
    private List<ReadDocumentResult> ReadReferences(IReadOnlyList<ResolvedReference> declared, ReadDocumentResult root)
    {
        var parentBase = new Dictionary<ResolvedReference, Uri>(ReferenceEqualityComparer.Instance);
        var rootBase = SchemaWalker.Enter(root.Element, DraftOf(root.Element), DefaultBaseUri).BaseUri;
        foreach (var reference in declared) parentBase.TryAdd(reference, rootBase);

        var documents = new List<ReadDocumentResult>();
        foreach (var reference in ResolvedReference.Flatten(declared))
        {
            var label = ParseLabels.Reference(reference.Name);
            if (!string.Equals(reference.SchemaType, "JSON", StringComparison.OrdinalIgnoreCase))
                throw new SchemaRejectedException($"The {label} is a {reference.SchemaType} schema; a JSON schema can only reference JSON schemas.");
            var read = ReadDocument(reference.Text, label);
            var draft = DraftOf(read.Element);
            var uris = new List<Uri>();
            foreach (var @base in new[] { parentBase.GetValueOrDefault(reference, rootBase), rootBase })
            {
                if (Uri.TryCreate(@base, reference.Name, out var uri) && !uris.Contains(uri)) uris.Add(uri);
            }
            if (uris.Count == 0) throw new SchemaRejectedException($"The {label} is not a valid URI reference.");
            var ownBase = SchemaWalker.Enter(read.Element, draft, uris[0]).BaseUri;
            foreach (var child in reference.References) parentBase.TryAdd(child, ownBase);
            documents.Add(read with { Draft = draft, Uris = uris });
        }
        return documents;
    }

    private JsonSchemaDraft DraftOf(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty("$schema", out var uri) && uri.ValueKind == JsonValueKind.String
        && Dialects.TryParse(uri.GetString(), out var draft)
            ? draft
            : _options.DefaultDraft;

    /// <summary>
    /// The draft named by <c>$schema</c> (the configured default without one). An unknown URI is refused, unless it
    /// names a supplied reference that is a 2019-09 or 2020-12 meta-schema built from vocabularies: the schema then
    /// follows that base draft and is checked against that meta-schema.
    /// </summary>
    private JsonSchemaDraft DetermineDraft(JsonElement root, List<ReadDocumentResult> references, out ReadDocumentResult? customMetaSchema)
    {
        customMetaSchema = null;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("$schema", out var value)) return _options.DefaultDraft;
        if (value.ValueKind != JsonValueKind.String) throw new SchemaRejectedException("/$schema: must be a string (a meta-schema URI).");
        var uri = value.GetString()!;
        if (Dialects.TryParse(uri, out var draft)) return draft;

        if (Uri.TryCreate(uri, UriKind.Absolute, out var absolute))
        {
            var target = SchemaWalker.WithoutFragment(absolute);
            foreach (var reference in references)
            {
                var known = reference.Uris.Select(SchemaWalker.WithoutFragment)
                    .Append(SchemaWalker.Enter(reference.Element, reference.Draft, reference.Uris[0]).BaseUri);
                if (!known.Contains(target)) continue;
                if (reference.Element.ValueKind == JsonValueKind.Object && reference.Element.TryGetProperty("$vocabulary", out _)
                    && reference.Draft >= JsonSchemaDraft.Draft201909)
                {
                    customMetaSchema = reference;
                    return reference.Draft;
                }
                throw new SchemaRejectedException(
                    $"/$schema: the meta-schema \"{uri}\" is supplied as a reference but is not a 2019-09 or 2020-12 meta-schema declaring $vocabulary.");
            }
        }
        throw new SchemaRejectedException(
            $"/$schema: \"{uri}\" is not a supported dialect. Supported: {string.Join(", ", Dialects.SupportedUris)}.");
    }

    private static string? Locate(string label, string? problem) =>
        problem is null || label == ParseLabels.TheSchema ? problem : $"In the {label}: {problem}";

    private static void Reject(string? problem)
    {
        if (problem is not null) throw new SchemaRejectedException(problem);
    }

    private static string Capitalize(string label) => char.ToUpperInvariant(label[0]) + label[1..];

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        _ => "null",
    };
}

/// <summary>Carries a refusal message out of the nested checks; never escapes <see cref="SchemaParser"/>.</summary>
internal sealed class SchemaRejectedException : Exception
{
    public SchemaRejectedException(string message) : base(message)
    {
    }

    public SchemaRejectedException()
    {
    }

    public SchemaRejectedException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
