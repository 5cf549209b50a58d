using System.Text.Json;
using SchemaRegistry.Formats.JsonSchema.Drafts;
using SchemaRegistry.Formats.JsonSchema.Parsing;
using SchemaRegistry.Formats.JsonSchema.Support;

namespace SchemaRegistry.Formats.JsonSchema.Model;

/// <summary>
/// A subschema seen through its draft: keywords the draft does not define are invisible to the rules (they are
/// extensions), and before 2019-09 a <c>$ref</c> hides every sibling. Knows where to report changes: a pointer into the
/// schema's own text, or, inside a referenced document, the path of the <c>$ref</c> that led there plus the pointer
/// within that document.
/// </summary>
/// <remarks>
/// A node of the schema's own document is always reported at its own pointer, however it was reached, so it is
/// <see cref="IsCanonical">canonical</see>: one instance per position, kept by the <see cref="SchemaSet"/> and shared by
/// every diff of the (immutable) parsed schema, together with its effective form. A registration compares the same
/// versions again and again (every earlier version at a transitive level), so each is taken apart once. Nodes inside
/// referenced documents carry the path they were reached by and are built per use, as before.
/// </remarks>
internal sealed class SchemaNode
{
    private string? _key;
    private EffectiveSchema? _effective;
    private int _leaf; // 0 unknown, 1 no, 2 yes

    private SchemaNode(SchemaSet set, SchemaAddress address, JsonElement element, JsonSchemaDraft draft, Uri baseUri, string reportPath)
    {
        Set = set;
        Address = address;
        Element = element;
        Draft = draft;
        BaseUri = baseUri;
        ReportPath = reportPath;
    }

    /// <summary>The documents this node belongs to.</summary>
    public SchemaSet Set { get; }

    /// <summary>Where the node is.</summary>
    public SchemaAddress Address { get; }

    /// <summary>The subschema.</summary>
    public JsonElement Element { get; }

    /// <summary>The draft in force.</summary>
    public JsonSchemaDraft Draft { get; }

    /// <summary>The base URI its references resolve against.</summary>
    public Uri BaseUri { get; }

    /// <summary>The path changes at this node are reported at.</summary>
    public string ReportPath { get; }

    /// <summary>Identity for recursion guards: the document and pointer.</summary>
    public string Key => _key ??= Address.Key;

    /// <summary>True for a node of the schema's own document: reported at its pointer, one shared instance per position.</summary>
    public bool IsCanonical => Address.Document.IsRoot;

    /// <summary>The root of the schema itself.</summary>
    public static SchemaNode RootOf(SchemaSet set) => Canonical(set, "", set.Root.Root, known: true);

    /// <summary>The subschema at an address, reported at its own pointer.</summary>
    public static SchemaNode At(SchemaSet set, SchemaAddress address)
    {
        if (address.Document.IsRoot) return Canonical(set, address.Pointer, default, known: false);
        var (draft, baseUri) = set.SiteOf(address);
        return new SchemaNode(set, address, SchemaSet.ElementAt(address), draft, baseUri, address.Pointer);
    }

    /// <summary>True for the boolean schema <c>false</c>.</summary>
    public bool IsFalse => Element.ValueKind == JsonValueKind.False;

    /// <summary>True when a <c>$ref</c> hides every sibling keyword (drafts 4 to 7).</summary>
    public bool RefHidesSiblings => Draft.RefOverridesSiblings() && Element.ValueKind == JsonValueKind.Object && Element.TryGetProperty("$ref", out _);

    /// <summary>The value of a keyword this node's draft defines and that is in effect here.</summary>
    public bool TryGet(string keyword, out JsonElement value)
    {
        value = default;
        if (Element.ValueKind != JsonValueKind.Object || !KeywordGrammar.IsKnown(keyword, Draft)) return false;
        if (RefHidesSiblings && keyword != "$ref") return false;
        return Element.TryGetProperty(keyword, out value);
    }

    /// <summary>Every member of the object, known keyword or not, in written order (empty for booleans).</summary>
    public JsonElement.ObjectEnumerator Members => (Element.ValueKind == JsonValueKind.Object ? Element : EmptyObject).EnumerateObject();

    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();

    /// <summary>
    /// The effective form of this node (see <see cref="EffectiveSchema.Of"/>); for a canonical node computed once and
    /// kept (it depends on nothing but the node), otherwise null: the diff builds and caches it itself.
    /// </summary>
    public EffectiveSchema? SharedEffective
    {
        get
        {
            if (!IsCanonical) return null;
            var effective = Volatile.Read(ref _effective);
            if (effective is not null) return effective;
            effective = EffectiveSchema.Of(this);
            return Interlocked.CompareExchange(ref _effective, effective, null) ?? effective;
        }
    }

    /// <summary>
    /// True when the node holds no subschema and no reference: a boolean, or an object whose every keyword (in its
    /// draft) is a plain value. Comparing two JSON-identical leaves of one draft finds nothing and compares nothing
    /// deeper (see <see cref="Diff.SchemaComparer"/>).
    /// </summary>
    public bool IsLeaf
    {
        get
        {
            if (_leaf == 0) _leaf = ComputeIsLeaf() ? 2 : 1;
            return _leaf == 2;
        }
    }

    private bool ComputeIsLeaf()
    {
        if (Element.ValueKind is JsonValueKind.True or JsonValueKind.False) return true;
        if (Element.ValueKind != JsonValueKind.Object) return false;
        foreach (var member in Element.EnumerateObject())
        {
            if (KeywordGrammar.TryGet(member.Name, Draft, out var shape, out var role) && (shape != KeywordShape.Value || role == KeywordRole.Reference))
                return false;
        }
        return true;
    }

    /// <summary>The subschema held directly by a keyword (<c>not</c>, <c>items</c>...).</summary>
    public SchemaNode Child(string keyword) =>
        At(JsonPointers.Append(Address.Pointer, keyword), IsCanonical ? null : JsonPointers.Append(ReportPath, keyword), ChildElement(keyword));

    /// <summary>The subschema at an index of a keyword's array (<c>allOf/2</c>).</summary>
    public SchemaNode Child(string keyword, int index) =>
        At(JsonPointers.Append(JsonPointers.Append(Address.Pointer, keyword), index),
            IsCanonical ? null : JsonPointers.Append(JsonPointers.Append(ReportPath, keyword), index), ChildElement(keyword, index));

    /// <summary>The subschema under a name of a keyword's object (<c>properties/name</c>).</summary>
    public SchemaNode Child(string keyword, string name) =>
        At(JsonPointers.Append(Address.Pointer, keyword, name), IsCanonical ? null : JsonPointers.Append(ReportPath, keyword, name), ChildElement(keyword, name));

    /// <summary>Follows a reference written in this node; null when it does not resolve among the schema's documents.</summary>
    public SchemaNode? Resolve(string keyword, string reference)
    {
        if (!Set.TryResolve(BaseUri, reference, out var target)) return null;
        if (target.Document.IsRoot) return Canonical(Set, target.Pointer, default, known: false);
        var (draft, baseUri) = Set.SiteOf(target);
        return new SchemaNode(Set, target, SchemaSet.ElementAt(target), draft, baseUri, JsonPointers.Append(ReportPath, keyword) + target.Pointer);
    }

    // The element under a child pointer is the child of this node's element: looked up here rather than by walking
    // the whole pointer from the document's root again (the same element: tokens are escaped and unescaped exactly).
    private JsonElement ChildElement(string keyword) =>
        Element.ValueKind == JsonValueKind.Object && Element.TryGetProperty(keyword, out var value) ? value : default;

    private JsonElement ChildElement(string keyword, int index) =>
        ChildElement(keyword) is { ValueKind: JsonValueKind.Array } array && index < array.GetArrayLength() ? array[index] : default;

    private JsonElement ChildElement(string keyword, string name) =>
        ChildElement(keyword) is { ValueKind: JsonValueKind.Object } map && map.TryGetProperty(name, out var value) ? value : default;

    /// <summary>A child: canonical (shared) in the schema's own document, otherwise reported at <paramref name="reportPath"/>.</summary>
    private SchemaNode At(string pointer, string? reportPath, JsonElement element)
    {
        if (reportPath is null) return Canonical(Set, pointer, element, known: true);
        var address = new SchemaAddress(Address.Document, pointer);
        var (draft, baseUri) = Set.SiteOf(address);
        return new SchemaNode(Set, address, element, draft, baseUri, reportPath);
    }

    /// <summary>The shared node at a pointer of the schema's own document (created on first use).</summary>
    private static SchemaNode Canonical(SchemaSet set, string pointer, JsonElement element, bool known) =>
        set.CanonicalNodes.GetOrAdd(pointer, static (pointer, state) =>
        {
            var (set, element, known) = state;
            var address = new SchemaAddress(set.Root, pointer);
            var (draft, baseUri) = set.SiteOf(address);
            return new SchemaNode(set, address, known ? element : SchemaSet.ElementAt(address), draft, baseUri, pointer);
        }, (set, element, known));

    /// <inheritdoc />
    public override string ToString() => $"{Address.Document.Label}#{Address.Pointer}";
}
