using System.Text.Json;
using SchemaRegistry.Formats.JsonSchema.Drafts;
using SchemaRegistry.Formats.JsonSchema.Support;

namespace SchemaRegistry.Formats.JsonSchema.Parsing;

/// <summary>A subschema found by <see cref="SchemaWalker"/>.</summary>
/// <param name="Element">The subschema (an object or a boolean).</param>
/// <param name="Pointer">Where it is in its document.</param>
/// <param name="Draft">The draft that governs it (an embedded <c>$schema</c> can switch it).</param>
/// <param name="BaseUri">The base URI its own references resolve against (its <c>$id</c> applied), without fragment.</param>
internal readonly record struct SubschemaSite(JsonElement Element, string Pointer, JsonSchemaDraft Draft, Uri BaseUri);

/// <summary>
/// Visits every subschema of a document (the root included) in document order, following the keyword grammar of the
/// draft in force, so that a property named <c>required</c> is never mistaken for the keyword.
/// </summary>
internal static class SchemaWalker
{
    /// <summary>Walks the document; <paramref name="visit"/> returns false to skip a subschema's children.</summary>
    public static void Walk(JsonElement root, JsonSchemaDraft draft, Uri baseUri, Func<SubschemaSite, bool> visit) =>
        Visit(root, "", draft, baseUri, visit);

    /// <summary>The draft and base URI in force inside <paramref name="schema"/>, given those of its parent.</summary>
    public static (JsonSchemaDraft Draft, Uri BaseUri) Enter(JsonElement schema, JsonSchemaDraft draft, Uri baseUri)
    {
        if (schema.ValueKind != JsonValueKind.Object) return (draft, baseUri);
        if (schema.TryGetProperty("$schema", out var dialect) && dialect.ValueKind == JsonValueKind.String
            && Dialects.TryParse(dialect.GetString(), out var embedded))
        {
            draft = embedded;
        }
        // Before 2019-09 a $ref makes its siblings inert, $id included.
        if (draft.RefOverridesSiblings() && schema.TryGetProperty("$ref", out _)) return (draft, baseUri);
        if (schema.TryGetProperty(draft.IdKeyword(), out var id) && id.ValueKind == JsonValueKind.String)
            baseUri = ResolveBase(baseUri, id.GetString()!);
        return (draft, baseUri);
    }

    /// <summary>Resolves an identifier against a base; a fragment-only identifier is an anchor and keeps the base.</summary>
    public static Uri ResolveBase(Uri baseUri, string id)
    {
        if (id.Length == 0 || id[0] == '#') return baseUri;
        return Uri.TryCreate(baseUri, id, out var resolved) ? WithoutFragment(resolved) : baseUri;
    }

    /// <summary>The URI without its fragment.</summary>
    public static Uri WithoutFragment(Uri uri)
    {
        if (!uri.IsAbsoluteUri) return uri;
        var text = uri.GetComponents(UriComponents.AbsoluteUri & ~UriComponents.Fragment, UriFormat.UriEscaped);
        return new Uri(text);
    }

    private static void Visit(JsonElement schema, string pointer, JsonSchemaDraft parentDraft, Uri parentBase, Func<SubschemaSite, bool> visit)
    {
        var (draft, baseUri) = Enter(schema, parentDraft, parentBase);
        if (!visit(new SubschemaSite(schema, pointer, draft, baseUri))) return;
        if (schema.ValueKind != JsonValueKind.Object) return;

        foreach (var member in schema.EnumerateObject())
        {
            var name = member.Name;
            var value = member.Value;
            // The pointer is built only for keywords that hold subschemas (most keywords hold plain values).
            switch (KeywordGrammar.ShapeOf(name, draft))
            {
                case KeywordShape.Schema:
                    VisitIfSchema(value, JsonPointers.Append(pointer, name), draft, baseUri, visit);
                    break;
                case KeywordShape.SchemaArray:
                    VisitArray(value, JsonPointers.Append(pointer, name), draft, baseUri, visit);
                    break;
                case KeywordShape.SchemaOrSchemaArray:
                    if (value.ValueKind == JsonValueKind.Array) VisitArray(value, JsonPointers.Append(pointer, name), draft, baseUri, visit);
                    else VisitIfSchema(value, JsonPointers.Append(pointer, name), draft, baseUri, visit);
                    break;
                case KeywordShape.SchemaMap:
                case KeywordShape.SchemaOrNamesMap:
                    if (value.ValueKind != JsonValueKind.Object) break;
                    var at = JsonPointers.Append(pointer, name);
                    foreach (var entry in value.EnumerateObject())
                        VisitIfSchema(entry.Value, JsonPointers.Append(at, entry.Name), draft, baseUri, visit);
                    break;
            }
        }
    }

    private static void VisitArray(JsonElement value, string at, JsonSchemaDraft draft, Uri baseUri, Func<SubschemaSite, bool> visit)
    {
        if (value.ValueKind != JsonValueKind.Array) return;
        var index = 0;
        foreach (var item in value.EnumerateArray())
            VisitIfSchema(item, JsonPointers.Append(at, index++), draft, baseUri, visit);
    }

    private static void VisitIfSchema(JsonElement value, string at, JsonSchemaDraft draft, Uri baseUri, Func<SubschemaSite, bool> visit)
    {
        if (value.ValueKind is JsonValueKind.Object or JsonValueKind.True or JsonValueKind.False)
            Visit(value, at, draft, baseUri, visit);
    }
}
