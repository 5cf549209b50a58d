using System.Text.Json;
using SchemaRegistry.Formats.JsonSchema.Drafts;

namespace SchemaRegistry.Formats.JsonSchema.Parsing;

/// <summary>One JSON document of a parsed schema: the schema itself, or the text of one of its references.</summary>
/// <param name="Index">0 for the schema itself, then references in flattening order.</param>
/// <param name="Label">How messages name it: <c>the schema</c> or <c>reference 'name'</c>.</param>
/// <param name="Root">The parsed document (a detached clone: it owns no pooled memory).</param>
/// <param name="Draft">The draft its root is written in.</param>
/// <param name="RetrievalUri">The URI it is known by before its own <c>$id</c> applies.</param>
internal sealed record SchemaDocument(int Index, string Label, JsonElement Root, JsonSchemaDraft Draft, Uri RetrievalUri)
{
    /// <summary>The id of the <see cref="SchemaSet"/> holding this document (set once the set is built).</summary>
    public int SetId { get; set; }

    /// <summary>True for the schema being parsed (not one of its references).</summary>
    public bool IsRoot => Index == 0;
}

/// <summary>A subschema position: a document and a JSON pointer into it.</summary>
internal readonly record struct SchemaAddress(SchemaDocument Document, string Pointer)
{
    /// <summary>A short key for recursion guards and caches.</summary>
    public string Key => $"{Document.SetId}:{Document.Index}:{Pointer}";
}
