using System.Text.Json;
using SchemaRegistry.Formats.JsonSchema.Drafts;
using SchemaRegistry.Formats.JsonSchema.Support;

namespace SchemaRegistry.Formats.JsonSchema.Parsing;

/// <summary>
/// The documents of one parsed schema (itself and its resolved references) indexed by resource URI and anchor, so the
/// diff can follow <c>$ref</c> exactly as the validator does, without any registry shared between schemas.
/// </summary>
internal sealed class SchemaSet
{
    private readonly Dictionary<string, SchemaAddress> _resources = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Resource, string Anchor), SchemaAddress> _anchors = [];
    private readonly Dictionary<(int Document, string Pointer), (JsonSchemaDraft Draft, Uri BaseUri)> _sites = [];

    private static int s_lastId;

    /// <summary>Indexes the documents; the first is the schema itself.</summary>
    public SchemaSet(IReadOnlyList<SchemaDocument> documents, IReadOnlyDictionary<int, IReadOnlyList<Uri>> extraUris)
    {
        Documents = documents;
        Id = Interlocked.Increment(ref s_lastId);
        foreach (var document in documents)
        {
            document.SetId = Id;
            Register(document.RetrievalUri, new SchemaAddress(document, ""));
            if (extraUris.TryGetValue(document.Index, out var uris))
            {
                foreach (var uri in uris) Register(uri, new SchemaAddress(document, ""));
            }
            SchemaWalker.Walk(document.Root, document.Draft, document.RetrievalUri, site =>
            {
                // Only sites where an $id or $schema changed something are kept: SiteOf answers the document's own
                // draft and URI for the others, and most schemas have none (a cached schema keeps this table).
                if (site.Draft != document.Draft || !Equals(site.BaseUri, document.RetrievalUri))
                    _sites.TryAdd((document.Index, site.Pointer), (site.Draft, site.BaseUri));
                SubschemaCount++;
                IndexIdentifiers(document, site);
                return true;
            });
        }
    }

    /// <summary>The schema itself.</summary>
    public SchemaDocument Root => Documents[0];

    /// <summary>How many subschemas the documents hold together.</summary>
    public int SubschemaCount { get; private set; }

    /// <summary>Distinguishes the documents of two parsed schemas in the diff's keys (both have a pointer "/properties").</summary>
    public int Id { get; }

    /// <summary>Every document, the schema first.</summary>
    public IReadOnlyList<SchemaDocument> Documents { get; }

    /// <summary>
    /// The nodes of the schema's own document by pointer, created on first use and shared by every diff of this schema
    /// (see <see cref="Model.SchemaNode.IsCanonical"/>).
    /// </summary>
    internal System.Collections.Concurrent.ConcurrentDictionary<string, Model.SchemaNode> CanonicalNodes =>
        LazyInitializer.EnsureInitialized(ref _canonicalNodes, static () => new(StringComparer.Ordinal));

    private System.Collections.Concurrent.ConcurrentDictionary<string, Model.SchemaNode>? _canonicalNodes;

    /// <summary>The draft and base URI in force at a subschema position (the document's own for unknown positions).</summary>
    public (JsonSchemaDraft Draft, Uri BaseUri) SiteOf(SchemaAddress address) =>
        _sites.TryGetValue((address.Document.Index, address.Pointer), out var site)
            ? site
            : (address.Document.Draft, address.Document.RetrievalUri);

    /// <summary>The element at an address.</summary>
    public static JsonElement ElementAt(SchemaAddress address) =>
        JsonPointers.TryResolve(address.Document.Root, address.Pointer, out var element) ? element : default;

    /// <summary>Resolves a reference written at a subschema whose base URI is <paramref name="baseUri"/>.</summary>
    public bool TryResolve(Uri baseUri, string reference, out SchemaAddress target)
    {
        target = default;
        if (!Uri.TryCreate(baseUri, reference, out var absolute)) return false;
        var resource = SchemaWalker.WithoutFragment(absolute).AbsoluteUri;
        var fragment = absolute.Fragment.Length > 0 ? Uri.UnescapeDataString(absolute.Fragment[1..]) : "";
        if (fragment.Length == 0 || fragment[0] == '/')
        {
            if (!_resources.TryGetValue(resource, out var root)) return false;
            var pointer = root.Pointer + fragment;
            if (!JsonPointers.TryResolve(root.Document.Root, pointer, out _)) return false;
            target = new SchemaAddress(root.Document, pointer);
            return true;
        }
        return _anchors.TryGetValue((resource, fragment), out target);
    }

    private void Register(Uri uri, SchemaAddress address) => _resources.TryAdd(SchemaWalker.WithoutFragment(uri).AbsoluteUri, address);

    private void IndexIdentifiers(SchemaDocument document, SubschemaSite site)
    {
        if (site.Element.ValueKind != JsonValueKind.Object) return;
        var address = new SchemaAddress(document, site.Pointer);
        var draft = site.Draft;
        var resource = site.BaseUri.AbsoluteUri;
        if (!(draft.RefOverridesSiblings() && site.Element.TryGetProperty("$ref", out _))
            && site.Element.TryGetProperty(draft.IdKeyword(), out var id) && id.ValueKind == JsonValueKind.String)
        {
            var text = id.GetString()!;
            if (text.StartsWith('#'))
            {
                // Drafts 4 to 7 name location-independent subschemas with a fragment-only id.
                if (text.Length > 1) _anchors.TryAdd((resource, text[1..]), address);
            }
            else
            {
                _resources.TryAdd(resource, address);
                if (Uri.TryCreate(text, UriKind.Absolute, out var withFragment) && withFragment.Fragment.Length > 1)
                    _anchors.TryAdd((resource, Uri.UnescapeDataString(withFragment.Fragment[1..])), address);
            }
        }
        foreach (var anchorKeyword in (ReadOnlySpan<string>)["$anchor", "$dynamicAnchor"])
        {
            if (KeywordGrammar.IsKnown(anchorKeyword, draft)
                && site.Element.TryGetProperty(anchorKeyword, out var anchor) && anchor.ValueKind == JsonValueKind.String)
            {
                _anchors.TryAdd((resource, anchor.GetString()!), address);
            }
        }
    }
}
