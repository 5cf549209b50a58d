using System.Text;
using System.Text.Json;
using SchemaRegistry.Formats.JsonSchema.Drafts;
using SchemaRegistry.Formats.JsonSchema.Parsing;

namespace SchemaRegistry.Formats.JsonSchema.Canonical;

/// <summary>
/// The normalized form (Confluent's <c>normalize=true</c>): object members sorted ordinally at every depth, as
/// Confluent does, plus the string arrays whose order JSON Schema ignores sorted too (<c>required</c>, a <c>type</c>
/// array, the name lists of <c>dependentRequired</c> and <c>dependencies</c>). Every other array keeps its order:
/// <c>enum</c> order is not significant for validation but code generators derive ordinals from it, so it is left
/// alone (Confluent does the same); <c>allOf</c>/<c>anyOf</c>/<c>oneOf</c> order can change which branch a reader
/// reports, and <c>prefixItems</c>/<c>items</c> arrays are positional. Numbers stay as written.
/// </summary>
internal static class SchemaNormalizer
{
    /// <summary>The normalized text of a schema document.</summary>
    public static string Normalize(JsonElement root, JsonSchemaDraft draft)
    {
        var builder = new StringBuilder();
        WriteSchema(builder, root, draft, new Uri("https://schema-registry.invalid/"));
        return builder.ToString();
    }

    private static void WriteSchema(StringBuilder builder, JsonElement schema, JsonSchemaDraft parentDraft, Uri parentBase)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            CanonicalJson.WriteValue(builder, schema, sortKeys: true);
            return;
        }
        var (draft, baseUri) = SchemaWalker.Enter(schema, parentDraft, parentBase);
        builder.Append('{');
        var first = true;
        foreach (var member in CanonicalJson.Members(schema, sorted: true))
        {
            if (!first) builder.Append(',');
            first = false;
            CanonicalJson.WriteString(builder, member.Name);
            builder.Append(':');
            WriteKeyword(builder, member.Name, member.Value, draft, baseUri);
        }
        builder.Append('}');
    }

    private static void WriteKeyword(StringBuilder builder, string keyword, JsonElement value, JsonSchemaDraft draft, Uri baseUri)
    {
        if (keyword is "required" or "type" && KeywordGrammar.IsKnown(keyword, draft))
        {
            WriteNameList(builder, value);
            return;
        }
        if (keyword == "dependentRequired" && KeywordGrammar.IsKnown(keyword, draft) && value.ValueKind == JsonValueKind.Object)
        {
            WriteMap(builder, value, (b, v) => WriteNameList(b, v));
            return;
        }
        switch (KeywordGrammar.ShapeOf(keyword, draft))
        {
            case KeywordShape.Schema:
                WriteSchema(builder, value, draft, baseUri);
                break;
            case KeywordShape.SchemaArray:
                WriteSchemaArray(builder, value, draft, baseUri);
                break;
            case KeywordShape.SchemaOrSchemaArray:
                if (value.ValueKind == JsonValueKind.Array) WriteSchemaArray(builder, value, draft, baseUri);
                else WriteSchema(builder, value, draft, baseUri);
                break;
            case KeywordShape.SchemaMap when value.ValueKind == JsonValueKind.Object:
                WriteMap(builder, value, (b, v) => WriteSchema(b, v, draft, baseUri));
                break;
            case KeywordShape.SchemaOrNamesMap when value.ValueKind == JsonValueKind.Object:
                WriteMap(builder, value, (b, v) =>
                {
                    if (v.ValueKind == JsonValueKind.Array) WriteNameList(b, v);
                    else WriteSchema(b, v, draft, baseUri);
                });
                break;
            default:
                CanonicalJson.WriteValue(builder, value, sortKeys: true);
                break;
        }
    }

    private static void WriteSchemaArray(StringBuilder builder, JsonElement value, JsonSchemaDraft draft, Uri baseUri)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            CanonicalJson.WriteValue(builder, value, sortKeys: true);
            return;
        }
        builder.Append('[');
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (index++ > 0) builder.Append(',');
            WriteSchema(builder, item, draft, baseUri);
        }
        builder.Append(']');
    }

    private static void WriteMap(StringBuilder builder, JsonElement value, Action<StringBuilder, JsonElement> writeEntry)
    {
        builder.Append('{');
        var first = true;
        foreach (var member in CanonicalJson.Members(value, sorted: true))
        {
            if (!first) builder.Append(',');
            first = false;
            CanonicalJson.WriteString(builder, member.Name);
            builder.Append(':');
            writeEntry(builder, member.Value);
        }
        builder.Append('}');
    }

    /// <summary>Sorts an array of names; anything that is not an array of strings is written unchanged.</summary>
    private static void WriteNameList(StringBuilder builder, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
        {
            CanonicalJson.WriteValue(builder, value, sortKeys: true);
            return;
        }
        builder.Append('[');
        var index = 0;
        foreach (var name in value.EnumerateArray().Select(v => v.GetString()!).Order(StringComparer.Ordinal))
        {
            if (index++ > 0) builder.Append(',');
            CanonicalJson.WriteString(builder, name);
        }
        builder.Append(']');
    }
}
