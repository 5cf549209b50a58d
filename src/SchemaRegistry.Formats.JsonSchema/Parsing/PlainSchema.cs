using System.Text.Json;
using SchemaRegistry.Formats.JsonSchema.Drafts;

namespace SchemaRegistry.Formats.JsonSchema.Parsing;

/// <summary>
/// Recognises a schema whose every keyword the registry's own checks fully vouch for, so that JsonSchema.Net's build
/// can add no refusal and the compiled path covers it (see <see cref="SchemaParser"/>). Conservative: anything the
/// library reads that the draft's meta-schema does not pin down leaves the schema to the library's build. That is
/// identifiers (<c>$id</c>, <c>$anchor</c>, an embedded <c>$schema</c>, <c>$vocabulary</c>: the library parses them as
/// URIs), references, keywords of another draft (the library reads <c>additionalItems</c> in 2020-12 and
/// <c>$comment</c> in draft 4), and numbers beyond a double's range.
/// </summary>
internal static class PlainSchema
{
    private static readonly HashSet<string> LibraryOnly = new(StringComparer.Ordinal)
    {
        "$id", "id", "$schema", "$anchor", "$dynamicAnchor", "$recursiveAnchor", "$vocabulary",
        "$ref", "$dynamicRef", "$recursiveRef",
    };

    private static readonly JsonSchemaDraft[] AllDrafts = Enum.GetValues<JsonSchemaDraft>();

    /// <summary>
    /// True when the document (already checked against <paramref name="draft"/>'s meta-schema, and measured as
    /// <paramref name="shape"/>) is plain. Draft 2019-09, which only the library evaluates, is never plain: at the root
    /// by its draft, below it through an embedded <c>$schema</c>.
    /// </summary>
    public static bool Is(JsonElement root, JsonSchemaDraft draft, DocumentShape shape)
    {
        if (draft == JsonSchemaDraft.Draft201909 || shape.HasNumberBeyondDouble) return false;
        var plain = true;
        SchemaWalker.Walk(root, draft, SchemaParser.DefaultBaseUri, site =>
        {
            if (site.Element.ValueKind != JsonValueKind.Object) return true;
            foreach (var member in site.Element.EnumerateObject())
            {
                var name = member.Name;
                // The root's $schema names a standard draft (the parser resolved it); anywhere else it switches drafts.
                if (name == "$schema" && site.Pointer.Length == 0) continue;
                if (LibraryOnly.Contains(name) || (!KeywordGrammar.IsKnown(name, draft) && KnownElsewhere(name)))
                {
                    plain = false;
                    return false;
                }
            }
            return true;
        });
        return plain;
    }

    private static bool KnownElsewhere(string name)
    {
        foreach (var other in AllDrafts)
        {
            if (KeywordGrammar.IsKnown(name, other)) return true;
        }
        return false;
    }
}
