using System.Text.Json;

namespace SchemaRegistry.Formats.JsonSchema.Model;

/// <summary>
/// A set of JSON Schema instance types. Numbers are split into integers and the rest, so "integer is narrower than
/// number" is plain set inclusion.
/// </summary>
[Flags]
internal enum JsonTypes
{
    None = 0,
    Null = 1,
    Boolean = 2,
    Object = 4,
    Array = 8,
    String = 16,
    Integer = 32,
    Fraction = 64,
    Number = Integer | Fraction,
    All = Null | Boolean | Object | Array | String | Number,
}

/// <summary>Reading and describing <see cref="JsonTypes"/>.</summary>
internal static class JsonTypeSets
{
    /// <summary>The set a <c>type</c> keyword value names (a name or an array of names); All when unreadable.</summary>
    public static JsonTypes FromTypeKeyword(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String) return FromName(value.GetString());
        if (value.ValueKind != JsonValueKind.Array) return JsonTypes.All;
        var types = JsonTypes.None;
        foreach (var item in value.EnumerateArray())
            types |= item.ValueKind == JsonValueKind.String ? FromName(item.GetString()) : JsonTypes.All;
        return types;
    }

    /// <summary>The set for one type name; unknown names (draft-03 "any") allow everything.</summary>
    public static JsonTypes FromName(string? name) => name switch
    {
        "null" => JsonTypes.Null,
        "boolean" => JsonTypes.Boolean,
        "object" => JsonTypes.Object,
        "array" => JsonTypes.Array,
        "string" => JsonTypes.String,
        "integer" => JsonTypes.Integer,
        "number" => JsonTypes.Number,
        _ => JsonTypes.All,
    };

    /// <summary>The type of one JSON value (a number with a zero fraction is an integer).</summary>
    public static JsonTypes Of(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => JsonTypes.Null,
        JsonValueKind.True or JsonValueKind.False => JsonTypes.Boolean,
        JsonValueKind.Object => JsonTypes.Object,
        JsonValueKind.Array => JsonTypes.Array,
        JsonValueKind.String => JsonTypes.String,
        JsonValueKind.Number => Numbers.IsIntegral(value) ? JsonTypes.Integer : JsonTypes.Fraction,
        _ => JsonTypes.All,
    };

    /// <summary>True when every type in <paramref name="inner"/> is in <paramref name="outer"/>.</summary>
    public static bool IsSubsetOf(this JsonTypes inner, JsonTypes outer) => (inner & ~outer) == 0;

    /// <summary>Names for messages: <c>[integer, string]</c>.</summary>
    public static string Describe(JsonTypes types)
    {
        if (types == JsonTypes.All) return "any type";
        if (types == JsonTypes.None) return "no type";
        var names = new List<string>();
        if (types.HasFlag(JsonTypes.Null)) names.Add("null");
        if (types.HasFlag(JsonTypes.Boolean)) names.Add("boolean");
        if (types.HasFlag(JsonTypes.Object)) names.Add("object");
        if (types.HasFlag(JsonTypes.Array)) names.Add("array");
        if (types.HasFlag(JsonTypes.String)) names.Add("string");
        if (types.HasFlag(JsonTypes.Number)) names.Add("number");
        else if (types.HasFlag(JsonTypes.Integer)) names.Add("integer");
        else if (types.HasFlag(JsonTypes.Fraction)) names.Add("non-integer number");
        return names.Count == 1 ? names[0] : "[" + string.Join(", ", names) + "]";
    }
}
