using System.Text.Json;
using SchemaRegistry.Formats.JsonSchema.Support;

namespace SchemaRegistry.Formats.JsonSchema.Model;

/// <summary>One occurrence of a keyword in a (possibly merged) schema, with the subschema it was written in.</summary>
/// <param name="Keyword">The keyword.</param>
/// <param name="Value">Its value.</param>
/// <param name="Origin">The subschema it belongs to, for its location, draft and base URI.</param>
internal sealed record KeywordValue(string Keyword, JsonElement Value, SchemaNode Origin)
{
    /// <summary>Where the keyword is reported.</summary>
    public string Path => JsonPointers.Append(Origin.ReportPath, Keyword);

    /// <summary>The subschema the keyword holds directly.</summary>
    public SchemaNode Schema() => Origin.Child(Keyword);

    /// <summary>The subschema at an index of the keyword's array.</summary>
    public SchemaNode Schema(int index) => Origin.Child(Keyword, index);

    /// <summary>The subschema under a name of the keyword's object.</summary>
    public SchemaNode Schema(string name) => Origin.Child(Keyword, name);

    /// <summary>The subschemas of an array-valued keyword.</summary>
    public IReadOnlyList<SchemaNode> Schemas() =>
        Value.ValueKind == JsonValueKind.Array ? [.. Enumerable.Range(0, Value.GetArrayLength()).Select(Schema)] : [];

    /// <summary>The names of an object-valued keyword, in written order.</summary>
    public IEnumerable<string> Names() => Value.ValueKind == JsonValueKind.Object ? Value.EnumerateObject().Select(m => m.Name) : [];

    /// <summary>The strings of an array of names (<c>required</c>...).</summary>
    public IEnumerable<string> Strings() => Value.ValueKind == JsonValueKind.Array
        ? Value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)
        : [];
}
