using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Json.Schema;

namespace SchemaRegistry.Formats.JsonSchema.Validation.Compiled.Streaming;

/// <summary>
/// Decides, in one forward pass over the tokens, that a value is valid, without building a document. It answers
/// only "certainly valid": false means invalid or undecided here (a non-string <c>enum</c> value, an integer written
/// as 1.0, duplicate-looking items that are not plain strings...), and the caller then asks the element path, which
/// decides and explains. So this path never has to produce errors, and when it says valid the element path agrees
/// (the differential tests check exactly that).
/// </summary>
internal static class StreamEvaluator
{
    /// <summary>
    /// True when the value starting at the reader's current token is valid against <paramref name="node"/>; the
    /// reader is then on the value's last token. On false the reader is somewhere inside the value.
    /// <paramref name="json"/> is the whole text the reader reads (for comparing items).
    /// </summary>
    public static bool IsValid(ref Utf8JsonReader reader, StreamNode node, ReadOnlySpan<byte> json)
    {
        if (node.Constant is { } constant)
        {
            if (constant) reader.Skip();
            return constant;
        }
        if (!node.HasInPlace) return OwnKeywordsHold(ref reader, node, json);
        // Subschemas on the same value read it again from a copy of the reader at its start. A cycle of such
        // subschemas (allOf: [{$ref: "#"}]) would recurse without consuming anything: when the stack runs short the
        // answer is "undecided", and the element path (which refuses it with an error) decides.
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack()) return false;
        var start = reader;
        if (!OwnKeywordsHold(ref reader, node, json)) return false;
        foreach (var branch in node.AllOf)
        {
            var again = start;
            if (!IsValid(ref again, branch, json)) return false;
        }
        foreach (var branches in node.AnyOf)
        {
            var any = false;
            foreach (var branch in branches)
            {
                var again = start;
                if (!IsValid(ref again, branch, json)) continue;
                any = true;
                break;
            }
            if (!any) return false;
        }
        return true;
    }

    /// <summary>The node's own keywords (not its in-place subschemas); on true the reader is on the value's last token.</summary>
    private static bool OwnKeywordsHold(ref Utf8JsonReader reader, StreamNode node, ReadOnlySpan<byte> json)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return Allows(node, SchemaValueType.String) && StringHolds(node, reader.ValueSpan);
            case JsonTokenType.Number:
                return NumberHolds(node, reader.ValueSpan);
            case JsonTokenType.True:
            case JsonTokenType.False:
                return Allows(node, SchemaValueType.Boolean) && !node.HasValueSet;
            case JsonTokenType.Null:
                return Allows(node, SchemaValueType.Null) && !node.HasValueSet;
            case JsonTokenType.StartObject:
                if (!Allows(node, SchemaValueType.Object) || node.HasValueSet) return false;
                if (!node.InspectsObjects)
                {
                    reader.Skip();
                    return true;
                }
                return ObjectHolds(ref reader, node, json);
            case JsonTokenType.StartArray:
                if (!Allows(node, SchemaValueType.Array) || node.HasValueSet) return false;
                if (!node.InspectsArrays)
                {
                    reader.Skip();
                    return true;
                }
                return ArrayHolds(ref reader, node, json);
            default:
                return false;
        }
    }

    private static bool Allows(StreamNode node, SchemaValueType type) => node.Types is not { } types || (types & type) != 0;

    /// <summary>A string (a value or a property name) against the node's string keywords, as raw document text.</summary>
    private static bool StringHolds(StreamNode node, ReadOnlySpan<byte> raw)
    {
        foreach (var check in node.Strings)
        {
            if (!check.Holds(raw)) return false;
        }
        foreach (var values in node.Enums)
        {
            if (values.Strings.Find(raw) < 0) return false;
        }
        foreach (var value in node.Consts)
        {
            if (value is null || !JsonText.EqualsDecoded(raw, value)) return false;
        }
        return true;
    }

    private static bool NumberHolds(StreamNode node, ReadOnlySpan<byte> raw)
    {
        if (node.HasValueSet) return false;
        if (node.Types is { } types && (types & SchemaValueType.Number) == 0)
        {
            // Only integers are allowed: certain for plain integer text that fits a long (as the element path asks
            // first); 1.0 or 1e3 are left to it.
            if ((types & SchemaValueType.Integer) == 0 || !Utf8Parser.TryParse(raw, out long _, out var consumed) || consumed != raw.Length) return false;
        }
        foreach (var check in node.Numbers)
        {
            if (!check.Holds(raw)) return false;
        }
        return true;
    }

    private static bool ObjectHolds(ref Utf8JsonReader reader, StreamNode node, ReadOnlySpan<byte> json)
    {
        var names = node.PropertyNames;
        var words = names is null ? 0 : (names.Count + 63) >> 6;
        ulong few = 0;
        Span<ulong> seen = words <= 1 ? new Span<ulong>(ref few) : words <= 16 ? stackalloc ulong[16] : new ulong[words];
        if (words > 1) seen.Clear();
        long count = 0;
        var expected = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.ValueSpan;
            if (node.NameSchema is { } nameSchema && !NameHolds(nameSchema, name)) return false;
            StreamNode? schema = null;
            if (names is not null)
            {
                var index = names.Find(name, expected);
                expected = index + 1;
                if (index >= 0)
                {
                    seen[index >> 6] |= 1UL << (index & 63);
                    schema = node.PropertySchemas[index];
                }
            }
            schema ??= node.Additional;
            reader.Read();
            if (schema is null) reader.Skip();
            else if (!IsValid(ref reader, schema, json)) return false;
            count++;
        }
        foreach (var required in node.Required)
        {
            if ((seen[required >> 6] & (1UL << (required & 63))) == 0) return false;
        }
        return !(count < node.MinProperties) && !(count > node.MaxProperties);
    }

    /// <summary>
    /// A property name is a string: the node's string keywords apply, anything asking for another type fails. A names
    /// subschema with in-place subschemas is left to the element path.
    /// </summary>
    private static bool NameHolds(StreamNode node, ReadOnlySpan<byte> raw) =>
        node.Constant ?? (!node.HasInPlace && Allows(node, SchemaValueType.String) && StringHolds(node, raw));

    private const int MaxUniqueItems = 64;

    private static bool ArrayHolds(ref Utf8JsonReader reader, StreamNode node, ReadOnlySpan<byte> json)
    {
        // uniqueItems over plain strings compares their raw text (exact when nothing is escaped); anything else is
        // left to the element path. Each item is remembered as (start, length) in the text.
        Span<(int Start, int Length)> items = node.UniqueItems ? stackalloc (int, int)[MaxUniqueItems] : default;
        var count = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var schema = count < node.Prefix.Length ? node.Prefix[count] : node.Rest;
            if (node.UniqueItems)
            {
                if (count >= MaxUniqueItems || reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped) return false;
                var start = (int)reader.TokenStartIndex + 1;
                var length = reader.ValueSpan.Length;
                for (var i = 0; i < count; i++)
                {
                    if (json.Slice(items[i].Start, items[i].Length).SequenceEqual(json.Slice(start, length))) return false;
                }
                items[count] = (start, length);
            }
            if (schema is null) reader.Skip();
            else if (!IsValid(ref reader, schema, json)) return false;
            count++;
        }
        return !(count < node.MinItems) && !(count > node.MaxItems);
    }
}
