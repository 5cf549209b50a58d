using System.Text.Json;

namespace SchemaRegistry.Formats.JsonSchema.Validation.Compiled;

/// <summary>
/// The 2020-12 vocabularies and their keywords, for schemas whose <c>$schema</c> is a custom meta-schema declaring
/// <c>$vocabulary</c>: keywords of a vocabulary it does not declare are not keywords there (they are ignored, as by
/// the library), and declaring format-assertion makes <c>format</c> an assertion.
/// </summary>
internal static class Vocabularies
{
    private const string Prefix = "https://json-schema.org/draft/2020-12/vocab/";

    private static readonly Dictionary<string, string[]> Keywords = new(StringComparer.Ordinal)
    {
        [Prefix + "core"] = ["$id", "$schema", "$ref", "$anchor", "$dynamicRef", "$dynamicAnchor", "$vocabulary", "$comment", "$defs"],
        [Prefix + "applicator"] = ["prefixItems", "items", "contains", "additionalProperties", "properties", "patternProperties",
            "dependentSchemas", "propertyNames", "if", "then", "else", "allOf", "anyOf", "oneOf", "not"],
        [Prefix + "unevaluated"] = ["unevaluatedItems", "unevaluatedProperties"],
        [Prefix + "validation"] = ["type", "const", "enum", "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum",
            "maxLength", "minLength", "pattern", "maxItems", "minItems", "uniqueItems", "maxContains", "minContains",
            "maxProperties", "minProperties", "required", "dependentRequired"],
        [Prefix + "meta-data"] = ["title", "description", "default", "deprecated", "readOnly", "writeOnly", "examples"],
        [Prefix + "format-annotation"] = ["format"],
        [Prefix + "format-assertion"] = ["format"],
        [Prefix + "content"] = ["contentEncoding", "contentMediaType", "contentSchema"],
    };

    /// <summary>The keywords a meta-schema's <c>$vocabulary</c> enables; throws for a required vocabulary nobody knows.</summary>
    public static (HashSet<string> Keywords, bool AssertsFormat) Enabled(JsonElement vocabulary)
    {
        var enabled = new HashSet<string>(StringComparer.Ordinal);
        var assertsFormat = false;
        foreach (var entry in vocabulary.EnumerateObject())
        {
            if (Keywords.TryGetValue(entry.Name, out var keywords))
            {
                enabled.UnionWith(keywords);
                assertsFormat |= entry.Name == Prefix + "format-assertion";
            }
            else if (entry.Value.ValueKind == JsonValueKind.True)
            {
                throw new CompileFallbackException($"the meta-schema requires the unknown vocabulary {entry.Name}");
            }
        }
        return (enabled, assertsFormat);
    }
}
