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
internal sealed class SchemaNode
{
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
    public string Key => Address.Key;

    /// <summary>The root of the schema itself.</summary>
    public static SchemaNode RootOf(SchemaSet set)
    {
        var address = new SchemaAddress(set.Root, "");
        var (draft, baseUri) = set.SiteOf(address);
        return new SchemaNode(set, address, set.Root.Root, draft, baseUri, "");
    }

    /// <summary>The subschema at an address, reported at its own pointer.</summary>
    public static SchemaNode At(SchemaSet set, SchemaAddress address)
    {
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
    public IEnumerable<JsonProperty> Members => Element.ValueKind == JsonValueKind.Object ? Element.EnumerateObject() : [];

    /// <summary>The subschema held directly by a keyword (<c>not</c>, <c>items</c>...).</summary>
    public SchemaNode Child(string keyword) => At(JsonPointers.Append(Address.Pointer, keyword), JsonPointers.Append(ReportPath, keyword));

    /// <summary>The subschema at an index of a keyword's array (<c>allOf/2</c>).</summary>
    public SchemaNode Child(string keyword, int index) =>
        At(JsonPointers.Append(JsonPointers.Append(Address.Pointer, keyword), index), JsonPointers.Append(JsonPointers.Append(ReportPath, keyword), index));

    /// <summary>The subschema under a name of a keyword's object (<c>properties/name</c>).</summary>
    public SchemaNode Child(string keyword, string name) =>
        At(JsonPointers.Append(Address.Pointer, keyword, name), JsonPointers.Append(ReportPath, keyword, name));

    /// <summary>Follows a reference written in this node; null when it does not resolve among the schema's documents.</summary>
    public SchemaNode? Resolve(string keyword, string reference)
    {
        if (!Set.TryResolve(BaseUri, reference, out var target)) return null;
        var report = target.Document.IsRoot ? target.Pointer : JsonPointers.Append(ReportPath, keyword) + target.Pointer;
        return At(target, report);
    }

    private SchemaNode At(string pointer, string reportPath) => At(new SchemaAddress(Address.Document, pointer), reportPath);

    private SchemaNode At(SchemaAddress address, string reportPath)
    {
        var element = SchemaSet.ElementAt(address);
        var (draft, baseUri) = Set.SiteOf(address);
        return new SchemaNode(Set, address, element, draft, baseUri, reportPath);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Address.Document.Label}#{Address.Pointer}";
}
