using System.Collections.Frozen;
using System.Text.Json;
using SchemaRegistry.Formats.JsonSchema.Drafts;

namespace SchemaRegistry.Formats.JsonSchema.Parsing;

/// <summary>
/// Proves, without evaluating a meta-schema, that a schema conforms to its draft's standard meta-schema. JsonSchema.Net
/// takes about a millisecond to evaluate the 2020-12 meta-schema (seven vocabulary meta-schemas joined by
/// <c>$dynamicRef</c>) on a small schema; this check is a table per draft, transcribed from the meta-schemas the
/// parser evaluates (the library's 2019-09, 2020-12 and draft-06 ones, and the draft-04 and draft-07 ones the plug-in
/// ships), and takes microseconds.
/// </summary>
/// <remarks>
/// It answers only "valid" or "not proven", never "invalid": <see cref="MetaSchemaCheck"/> hands everything it cannot
/// prove to the library, which gives the verdict and, for a refusal, the located explanation, exactly as before. So
/// the one property that matters is soundness: whenever this returns true, the library finds the schema valid. Every
/// rule is therefore at least as strict as the meta-schema's, and stricter where matching the library exactly would
/// take guesswork (numbers written as <c>1.0</c>, uniqueness of numbers in a draft-04/06 <c>enum</c>, a trailing
/// newline the library's <c>$</c> accepts in an anchor): those go to the library. <c>format</c> in the meta-schemas
/// (<c>uri</c>, <c>uri-reference</c>, <c>regex</c>) is an annotation when the parser evaluates them (it asks for no
/// format assertion), so it is not checked here either; the library's build checks URIs and the parser checks
/// regular expressions afterwards, as before. <c>MetaSchemaEquivalenceTests</c> checks soundness against the library
/// on the JSON-Schema-Test-Suite's schemas and documents and on systematic mutations of them, in every draft.
/// </remarks>
internal static class StandardMetaSchemas
{
    private enum Rule
    {
        Any,
        String,
        Boolean,
        Number,
        Array,
        NonNegativeInteger,
        PositiveNumber,
        Schema,
        SchemaArray,
        SchemaOrSchemaArray,
        SchemaMap,
        BooleanOrSchema,
        Type,
        UniqueEnum,
        StringArray,
        StringArrayMap,
        Dependencies,
        SchemaOrStringArray,
        Vocabulary,
        Anchor2019,
        Anchor2020,
        IdWithoutFragment,
    }

    /// <summary>One draft's meta-schema: the rule of each keyword it constrains (others are unconstrained).</summary>
    private sealed record Table(FrozenDictionary<string, Rule> Rules, bool ObjectsOnly, int StringArrayMinItems, bool BoundsNeedTheirFlag);

    private static readonly Table Draft4 = new(new Dictionary<string, Rule>
    {
        ["id"] = Rule.String, ["$schema"] = Rule.String, ["title"] = Rule.String, ["description"] = Rule.String,
        ["default"] = Rule.Any, ["multipleOf"] = Rule.PositiveNumber, ["maximum"] = Rule.Number,
        ["exclusiveMaximum"] = Rule.Boolean, ["minimum"] = Rule.Number, ["exclusiveMinimum"] = Rule.Boolean,
        ["maxLength"] = Rule.NonNegativeInteger, ["minLength"] = Rule.NonNegativeInteger, ["pattern"] = Rule.String,
        ["additionalItems"] = Rule.BooleanOrSchema, ["items"] = Rule.SchemaOrSchemaArray,
        ["maxItems"] = Rule.NonNegativeInteger, ["minItems"] = Rule.NonNegativeInteger, ["uniqueItems"] = Rule.Boolean,
        ["maxProperties"] = Rule.NonNegativeInteger, ["minProperties"] = Rule.NonNegativeInteger,
        ["required"] = Rule.StringArray, ["additionalProperties"] = Rule.BooleanOrSchema,
        ["definitions"] = Rule.SchemaMap, ["properties"] = Rule.SchemaMap, ["patternProperties"] = Rule.SchemaMap,
        ["dependencies"] = Rule.Dependencies, ["enum"] = Rule.UniqueEnum, ["type"] = Rule.Type, ["format"] = Rule.String,
        ["allOf"] = Rule.SchemaArray, ["anyOf"] = Rule.SchemaArray, ["oneOf"] = Rule.SchemaArray, ["not"] = Rule.Schema,
    }.ToFrozenDictionary(StringComparer.Ordinal), ObjectsOnly: true, StringArrayMinItems: 1, BoundsNeedTheirFlag: true);

    private static readonly Table Draft6 = new(new Dictionary<string, Rule>
    {
        ["$id"] = Rule.String, ["$schema"] = Rule.String, ["$ref"] = Rule.String, ["title"] = Rule.String,
        ["description"] = Rule.String, ["default"] = Rule.Any, ["examples"] = Rule.Array,
        ["multipleOf"] = Rule.PositiveNumber, ["maximum"] = Rule.Number, ["exclusiveMaximum"] = Rule.Number,
        ["minimum"] = Rule.Number, ["exclusiveMinimum"] = Rule.Number, ["maxLength"] = Rule.NonNegativeInteger,
        ["minLength"] = Rule.NonNegativeInteger, ["pattern"] = Rule.String, ["additionalItems"] = Rule.Schema,
        ["items"] = Rule.SchemaOrSchemaArray, ["maxItems"] = Rule.NonNegativeInteger, ["minItems"] = Rule.NonNegativeInteger,
        ["uniqueItems"] = Rule.Boolean, ["contains"] = Rule.Schema, ["maxProperties"] = Rule.NonNegativeInteger,
        ["minProperties"] = Rule.NonNegativeInteger, ["required"] = Rule.StringArray, ["additionalProperties"] = Rule.Schema,
        ["definitions"] = Rule.SchemaMap, ["properties"] = Rule.SchemaMap, ["patternProperties"] = Rule.SchemaMap,
        ["dependencies"] = Rule.Dependencies, ["propertyNames"] = Rule.Schema, ["const"] = Rule.Any,
        ["enum"] = Rule.UniqueEnum, ["type"] = Rule.Type, ["format"] = Rule.String, ["allOf"] = Rule.SchemaArray,
        ["anyOf"] = Rule.SchemaArray, ["oneOf"] = Rule.SchemaArray, ["not"] = Rule.Schema,
    }.ToFrozenDictionary(StringComparer.Ordinal), ObjectsOnly: false, StringArrayMinItems: 0, BoundsNeedTheirFlag: false);

    private static readonly Table Draft7 = new(new Dictionary<string, Rule>
    {
        ["$id"] = Rule.String, ["$schema"] = Rule.String, ["$ref"] = Rule.String, ["$comment"] = Rule.String,
        ["title"] = Rule.String, ["description"] = Rule.String, ["default"] = Rule.Any, ["readOnly"] = Rule.Boolean,
        ["writeOnly"] = Rule.Boolean, ["examples"] = Rule.Array, ["multipleOf"] = Rule.PositiveNumber,
        ["maximum"] = Rule.Number, ["exclusiveMaximum"] = Rule.Number, ["minimum"] = Rule.Number,
        ["exclusiveMinimum"] = Rule.Number, ["maxLength"] = Rule.NonNegativeInteger, ["minLength"] = Rule.NonNegativeInteger,
        ["pattern"] = Rule.String, ["additionalItems"] = Rule.Schema, ["items"] = Rule.SchemaOrSchemaArray,
        ["maxItems"] = Rule.NonNegativeInteger, ["minItems"] = Rule.NonNegativeInteger, ["uniqueItems"] = Rule.Boolean,
        ["contains"] = Rule.Schema, ["maxProperties"] = Rule.NonNegativeInteger, ["minProperties"] = Rule.NonNegativeInteger,
        ["required"] = Rule.StringArray, ["additionalProperties"] = Rule.Schema, ["definitions"] = Rule.SchemaMap,
        ["properties"] = Rule.SchemaMap, ["patternProperties"] = Rule.SchemaMap, ["dependencies"] = Rule.Dependencies,
        ["propertyNames"] = Rule.Schema, ["const"] = Rule.Any, ["enum"] = Rule.Array, ["type"] = Rule.Type,
        ["format"] = Rule.String, ["contentMediaType"] = Rule.String, ["contentEncoding"] = Rule.String,
        ["if"] = Rule.Schema, ["then"] = Rule.Schema, ["else"] = Rule.Schema, ["allOf"] = Rule.SchemaArray,
        ["anyOf"] = Rule.SchemaArray, ["oneOf"] = Rule.SchemaArray, ["not"] = Rule.Schema,
    }.ToFrozenDictionary(StringComparer.Ordinal), ObjectsOnly: false, StringArrayMinItems: 0, BoundsNeedTheirFlag: false);

    /// <summary>The validation, meta-data, format and content vocabularies, the same in 2019-09 and 2020-12.</summary>
    private static readonly Dictionary<string, Rule> SharedVocabularies = new()
    {
        ["multipleOf"] = Rule.PositiveNumber, ["maximum"] = Rule.Number, ["exclusiveMaximum"] = Rule.Number,
        ["minimum"] = Rule.Number, ["exclusiveMinimum"] = Rule.Number, ["maxLength"] = Rule.NonNegativeInteger,
        ["minLength"] = Rule.NonNegativeInteger, ["pattern"] = Rule.String, ["maxItems"] = Rule.NonNegativeInteger,
        ["minItems"] = Rule.NonNegativeInteger, ["uniqueItems"] = Rule.Boolean, ["maxContains"] = Rule.NonNegativeInteger,
        ["minContains"] = Rule.NonNegativeInteger, ["maxProperties"] = Rule.NonNegativeInteger,
        ["minProperties"] = Rule.NonNegativeInteger, ["required"] = Rule.StringArray, ["dependentRequired"] = Rule.StringArrayMap,
        ["const"] = Rule.Any, ["enum"] = Rule.Array, ["type"] = Rule.Type,
        ["title"] = Rule.String, ["description"] = Rule.String, ["default"] = Rule.Any, ["deprecated"] = Rule.Boolean,
        ["readOnly"] = Rule.Boolean, ["writeOnly"] = Rule.Boolean, ["examples"] = Rule.Array,
        ["format"] = Rule.String,
        ["contentEncoding"] = Rule.String, ["contentMediaType"] = Rule.String, ["contentSchema"] = Rule.Schema,
        ["definitions"] = Rule.SchemaMap, ["dependencies"] = Rule.Dependencies,
        ["$id"] = Rule.IdWithoutFragment, ["$schema"] = Rule.String, ["$ref"] = Rule.String, ["$recursiveRef"] = Rule.String,
        ["$vocabulary"] = Rule.Vocabulary, ["$comment"] = Rule.String, ["$defs"] = Rule.SchemaMap,
        ["items"] = Rule.Schema, ["contains"] = Rule.Schema, ["additionalProperties"] = Rule.Schema,
        ["properties"] = Rule.SchemaMap, ["patternProperties"] = Rule.SchemaMap, ["dependentSchemas"] = Rule.SchemaMap,
        ["propertyNames"] = Rule.Schema, ["if"] = Rule.Schema, ["then"] = Rule.Schema, ["else"] = Rule.Schema,
        ["allOf"] = Rule.SchemaArray, ["anyOf"] = Rule.SchemaArray, ["oneOf"] = Rule.SchemaArray, ["not"] = Rule.Schema,
        ["unevaluatedItems"] = Rule.Schema, ["unevaluatedProperties"] = Rule.Schema,
    };

    private static readonly Table Draft201909 = new(new Dictionary<string, Rule>(SharedVocabularies)
    {
        ["$anchor"] = Rule.Anchor2019, ["$recursiveAnchor"] = Rule.Boolean,
        ["items"] = Rule.SchemaOrSchemaArray, ["additionalItems"] = Rule.Schema,
    }.ToFrozenDictionary(StringComparer.Ordinal), ObjectsOnly: false, StringArrayMinItems: 0, BoundsNeedTheirFlag: false);

    private static readonly Table Draft202012 = new(new Dictionary<string, Rule>(SharedVocabularies)
    {
        ["$anchor"] = Rule.Anchor2020, ["$dynamicAnchor"] = Rule.Anchor2020, ["$recursiveAnchor"] = Rule.Anchor2020,
        ["$dynamicRef"] = Rule.String, ["prefixItems"] = Rule.SchemaArray,
    }.ToFrozenDictionary(StringComparer.Ordinal), ObjectsOnly: false, StringArrayMinItems: 0, BoundsNeedTheirFlag: false);

    private static readonly string[] SimpleTypes = ["array", "boolean", "integer", "null", "number", "object", "string"];

    /// <summary>
    /// True when <paramref name="schema"/> provably conforms to the standard meta-schema of <paramref name="draft"/>;
    /// false when it does not, or when the proof is out of reach (ask the library).
    /// </summary>
    public static bool ProvesValid(JsonElement schema, JsonSchemaDraft draft) => IsSchema(schema, TableOf(draft));

    private static Table TableOf(JsonSchemaDraft draft) => draft switch
    {
        JsonSchemaDraft.Draft4 => Draft4,
        JsonSchemaDraft.Draft6 => Draft6,
        JsonSchemaDraft.Draft7 => Draft7,
        JsonSchemaDraft.Draft201909 => Draft201909,
        _ => Draft202012,
    };

    private static bool IsSchema(JsonElement value, Table table)
    {
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False) return !table.ObjectsOnly;
        if (value.ValueKind != JsonValueKind.Object) return false;
        foreach (var member in value.EnumerateObject())
        {
            if (table.Rules.TryGetValue(member.Name, out var rule) && !Satisfies(member.Value, rule, table)) return false;
        }
        // Draft 4's meta-schema: "dependencies": {"exclusiveMaximum": ["maximum"], "exclusiveMinimum": ["minimum"]}.
        return !table.BoundsNeedTheirFlag
            || (!value.TryGetProperty("exclusiveMaximum", out _) || value.TryGetProperty("maximum", out _))
            && (!value.TryGetProperty("exclusiveMinimum", out _) || value.TryGetProperty("minimum", out _));
    }

    private static bool Satisfies(JsonElement value, Rule rule, Table table) => rule switch
    {
        Rule.Any => true,
        Rule.String => value.ValueKind == JsonValueKind.String,
        Rule.Boolean => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        Rule.Number => value.ValueKind == JsonValueKind.Number,
        Rule.Array => value.ValueKind == JsonValueKind.Array,
        Rule.NonNegativeInteger => IsPlainNonNegativeInteger(value),
        Rule.PositiveNumber => value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number) && number > 0,
        Rule.Schema => IsSchema(value, table),
        Rule.SchemaArray => IsSchemaArray(value, table),
        Rule.SchemaOrSchemaArray => value.ValueKind == JsonValueKind.Array ? IsSchemaArray(value, table) : IsSchema(value, table),
        Rule.SchemaMap => IsMapOf(value, Rule.Schema, table),
        Rule.BooleanOrSchema => value.ValueKind is JsonValueKind.True or JsonValueKind.False || IsSchema(value, table),
        Rule.Type => value.ValueKind == JsonValueKind.Array ? IsTypeArray(value) : IsSimpleType(value),
        Rule.UniqueEnum => IsUniqueEnum(value),
        Rule.StringArray => IsStringArray(value, table.StringArrayMinItems),
        Rule.StringArrayMap => IsMapOf(value, Rule.StringArray, table),
        Rule.Dependencies => IsMapOf(value, Rule.SchemaOrStringArray, table),
        // anyOf [schema, stringArray]: an array can only be the names, anything else only a schema.
        Rule.SchemaOrStringArray => value.ValueKind == JsonValueKind.Array ? IsStringArray(value, table.StringArrayMinItems) : IsSchema(value, table),
        Rule.Vocabulary => IsMapOf(value, Rule.Boolean, table),
        Rule.Anchor2019 => value.ValueKind == JsonValueKind.String && IsAnchor(value.GetString()!, allowUnderscoreStart: false, allowColon: true),
        Rule.Anchor2020 => value.ValueKind == JsonValueKind.String && IsAnchor(value.GetString()!, allowUnderscoreStart: true, allowColon: false),
        Rule.IdWithoutFragment => value.ValueKind == JsonValueKind.String && HasNoFragment(value.GetString()!),
        _ => false,
    };

    private static bool IsMapOf(JsonElement value, Rule rule, Table table)
    {
        if (value.ValueKind != JsonValueKind.Object) return false;
        foreach (var member in value.EnumerateObject())
        {
            if (!Satisfies(member.Value, rule, table)) return false;
        }
        return true;
    }

    private static bool IsSchemaArray(JsonElement value, Table table)
    {
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0) return false;
        foreach (var item in value.EnumerateArray())
        {
            if (!IsSchema(item, table)) return false;
        }
        return true;
    }

    /// <summary>
    /// An integer >= 0 written as plain digits (at most 15, so every reading of it, decimal or double, is that exact
    /// integer), possibly followed by a fraction of zeros (<c>2.0</c>: drafts 6 on count it as an integer). <c>1e2</c>
    /// and <c>-0</c> are integers to the meta-schema too, but are left to the library.
    /// </summary>
    private static bool IsPlainNonNegativeInteger(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Number) return false;
        var text = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(value);
        var point = text.IndexOf((byte)'.');
        if (point >= 0)
        {
            var fraction = text[(point + 1)..];
            if (fraction.Length is 0 or > 20 || fraction.ContainsAnyExcept((byte)'0')) return false;
            text = text[..point];
        }
        if (text.Length is 0 or > 15) return false;
        foreach (var c in text)
        {
            if (c is < (byte)'0' or > (byte)'9') return false;
        }
        return true;
    }

    private static bool IsSimpleType(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String) return false;
        foreach (var name in SimpleTypes)
        {
            if (value.ValueEquals(name)) return true;
        }
        return false;
    }

    private static bool IsTypeArray(JsonElement value)
    {
        var length = value.GetArrayLength();
        if (length == 0) return false;
        for (var i = 0; i < length; i++)
        {
            var item = value[i];
            if (!IsSimpleType(item)) return false;
            for (var j = 0; j < i; j++)
            {
                if (item.ValueEquals(value[j].GetString())) return false;
            }
        }
        return true;
    }

    /// <summary>Unique strings (names are compared as the strings they denote, escapes decoded).</summary>
    private static bool IsStringArray(JsonElement value, int minItems)
    {
        if (value.ValueKind != JsonValueKind.Array) return false;
        var length = value.GetArrayLength();
        if (length < minItems) return false;
        if (length == 0) return true;
        var names = new string[length];
        var seen = length <= 8 ? null : new HashSet<string>(length, StringComparer.Ordinal);
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String) return false;
            var name = names[i] = item.GetString()!;
            if (seen is not null)
            {
                if (!seen.Add(name)) return false;
            }
            else
            {
                for (var j = 0; j < i; j++)
                {
                    if (string.Equals(names[j], name, StringComparison.Ordinal)) return false;
                }
            }
            i++;
        }
        return true;
    }

    /// <summary>
    /// Draft 4 and 6: <c>enum</c> needs at least one value, all unique. Uniqueness is proven only for values whose JSON
    /// equality is plain: strings, booleans, null and integers written as plain digits; anything else (1.0 against 1,
    /// objects with members in another order) is left to the library.
    /// </summary>
    private static bool IsUniqueEnum(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array) return false;
        var length = value.GetArrayLength();
        if (length == 0) return false;
        var seen = new HashSet<(JsonValueKind, string?)>(length);
        foreach (var item in value.EnumerateArray())
        {
            (JsonValueKind, string?) key = item.ValueKind switch
            {
                JsonValueKind.String => (JsonValueKind.String, item.GetString()),
                JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null => (item.ValueKind, null),
                JsonValueKind.Number when item.TryGetInt64(out var integer) && IsPlainInteger(item) => (JsonValueKind.Number, integer.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                _ => (JsonValueKind.Undefined, null),
            };
            if (key.Item1 == JsonValueKind.Undefined || !seen.Add(key)) return false;
        }
        return true;
    }

    private static bool IsPlainInteger(JsonElement value)
    {
        var text = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(value);
        if (text.Length > 0 && text[0] == (byte)'-') text = text[1..];
        if (text.Length is 0 or > 15) return false;
        foreach (var c in text)
        {
            if (c is < (byte)'0' or > (byte)'9') return false;
        }
        return true;
    }

    /// <summary>
    /// 2020-12 <c>^[A-Za-z_][-A-Za-z0-9._]*$</c>, 2019-09 <c>^[A-Za-z][-A-Za-z0-9.:_]*$</c>, matched strictly (a string
    /// that matches strictly matches the regex too; the regex's <c>$</c> also accepts a final newline, left to the library).
    /// </summary>
    private static bool IsAnchor(string text, bool allowUnderscoreStart, bool allowColon)
    {
        if (text.Length == 0) return false;
        var first = text[0];
        if (!(char.IsAsciiLetter(first) || allowUnderscoreStart && first == '_')) return false;
        for (var i = 1; i < text.Length; i++)
        {
            var c = text[i];
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' || allowColon && c == ':')) return false;
        }
        return true;
    }

    /// <summary><c>^[^#]*#?$</c> matched strictly: no <c>#</c>, or a single one at the very end.</summary>
    private static bool HasNoFragment(string text)
    {
        var hash = text.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 || hash == text.Length - 1;
    }
}
