using System.Globalization;
using System.Text.Json;
using Json.Schema;

namespace SchemaRegistry.Formats.JsonSchema.Validation.Compiled;

/// <summary>
/// Error messages worded as JsonSchema.Net words them (its own templates, filled the way it fills them), so an error
/// reads the same whichever engine validated the document. Built only for invalid documents.
/// </summary>
internal static class Messages
{
    /// <summary>The message of a <c>false</c> subschema.</summary>
    public static string FalseSchema => ErrorMessages.FalseSchema;

    public static string Type(JsonElement received, bool receivedIsName, Json.Schema.SchemaValueType expected)
    {
        var kind = receivedIsName ? Json.Schema.SchemaValueType.String : received.GetSchemaValueType();
        return ErrorMessages.GetType(null)
            .Replace("[[received]]", Quote(TypeName(kind)), StringComparison.Ordinal)
            .Replace("[[expected]]", Quote(expected.ToString().ToLowerInvariant()), StringComparison.Ordinal);
    }

    public static string Enum() => ErrorMessages.GetEnum(null);

    public static string Const(JsonElement expected) =>
        ErrorMessages.GetConst(null).Replace("[[value]]", Quote(expected.GetRawText()), StringComparison.Ordinal);

    public static string Bound(string template, string received, JsonElement limit) =>
        template.Replace("[[received]]", received, StringComparison.Ordinal).Replace("[[limit]]", limit.GetRawText(), StringComparison.Ordinal);

    public static string MultipleOf(string received, JsonElement divisor) =>
        ErrorMessages.GetMultipleOf(null).Replace("[[received]]", received, StringComparison.Ordinal)
            .Replace("[[divisor]]", divisor.GetRawText(), StringComparison.Ordinal);

    public static string Count(string template, long limit, long received) =>
        template.Replace("[[limit]]", limit.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("[[received]]", received.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    public static string Pattern(string pattern) =>
        ErrorMessages.GetPattern(null).Replace("[[pattern]]", pattern, StringComparison.Ordinal);

    public static string Format(string format) =>
        ErrorMessages.GetFormat(null).Replace("[[format]]", Quote(format), StringComparison.Ordinal);

    public static string Required(IEnumerable<string> missing) =>
        ErrorMessages.GetRequired(null).Replace("[[missing]]", JsonSerializer.Serialize(missing.ToArray()), StringComparison.Ordinal);

    public static string DependentRequired(IEnumerable<string> missing) =>
        ErrorMessages.GetDependentRequired(null).Replace("[[missing]]", JsonSerializer.Serialize(missing.ToArray()), StringComparison.Ordinal);

    public static string UniqueItems(IEnumerable<string> pairs) =>
        ErrorMessages.GetUniqueItems(null).Replace("[[duplicates]]", JsonSerializer.Serialize(pairs.ToArray()), StringComparison.Ordinal);

    public static string ContainsTooFew(int received, long minimum) =>
        ErrorMessages.GetContainsTooFew(null).Replace("[[received]]", received.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("[[minimum]]", minimum.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    public static string ContainsTooMany(int received, long maximum) =>
        ErrorMessages.GetContainsTooMany(null).Replace("[[received]]", received.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("[[maximum]]", maximum.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>The library has no message for a failed <c>oneOf</c>; this uses its template for one.</summary>
    public static string OneOf(int matching) =>
        ErrorMessages.GetOneOf(null).Replace("[[count]]", matching.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>The library has no message for a failed <c>not</c>.</summary>
    public const string Not = "The value must not be valid against the subschema of \"not\", and it is.";

    private static string Quote(string text) => JsonSerializer.Serialize(text);

    private static string TypeName(Json.Schema.SchemaValueType type) => type switch
    {
        Json.Schema.SchemaValueType.Object => "object",
        Json.Schema.SchemaValueType.Array => "array",
        Json.Schema.SchemaValueType.Boolean => "boolean",
        Json.Schema.SchemaValueType.String => "string",
        Json.Schema.SchemaValueType.Number => "number",
        Json.Schema.SchemaValueType.Integer => "integer",
        _ => "null",
    };
}
