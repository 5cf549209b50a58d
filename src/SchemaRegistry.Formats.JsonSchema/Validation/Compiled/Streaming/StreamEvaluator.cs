using System.Buffers.Text;
using System.Runtime.CompilerServices;
using Json.Schema;

namespace SchemaRegistry.Formats.JsonSchema.Validation.Compiled.Streaming;

/// <summary>
/// Decides, in one forward pass over the text, that a value is valid, without building a document. It answers
/// only "certainly valid": false means invalid, not JSON, or undecided here (a non-string <c>enum</c> value, an
/// integer written as 1.0, duplicate-looking items that are not plain strings...), and the caller then parses the
/// value and asks the element path, which decides and explains. So this path never has to produce errors, and when it
/// says valid the element path agrees (the differential tests check exactly that). The text is read by a
/// <see cref="JsonCursor"/> as the schema expects it, which also checks that it is JSON.
/// </summary>
internal static class StreamEvaluator
{
    /// <summary>
    /// True when the JSON value at the start of <paramref name="json"/> (after whitespace) is valid against
    /// <paramref name="root"/>; <paramref name="consumed"/> is then the offset just past it.
    /// </summary>
    public static bool IsValid(ReadOnlySpan<byte> json, StreamNode root, int maxDepth, out int consumed)
    {
        var cursor = new JsonCursor(json, maxDepth);
        if (cursor.SkipWhitespace() != 0 && IsValid(ref cursor, root))
        {
            consumed = cursor.Position;
            return true;
        }
        consumed = 0;
        return false;
    }

    /// <summary>
    /// True when the value at the cursor (on its first byte) is valid against <paramref name="node"/>; the cursor is
    /// then just past the value. On false the cursor is somewhere inside the value.
    /// </summary>
    private static bool IsValid(ref JsonCursor cursor, StreamNode node)
    {
        if (node.Constant is { } constant) return constant && cursor.SkipValue();
        if (!node.HasInPlace) return OwnKeywordsHold(ref cursor, node);
        // Subschemas on the same value read it again from its start. A cycle of such subschemas
        // (allOf: [{$ref: "#"}]) would recurse without reading anything: when the stack runs short the answer is
        // "undecided", and the element path (which refuses it with an error) decides.
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack()) return false;
        var start = cursor.Position;
        if (!OwnKeywordsHold(ref cursor, node)) return false;
        var end = cursor.Position;
        foreach (var branch in node.AllOf)
        {
            cursor.Position = start;
            if (!IsValid(ref cursor, branch)) return false;
        }
        foreach (var branches in node.AnyOf)
        {
            var any = false;
            foreach (var branch in branches)
            {
                cursor.Position = start;
                if (!IsValid(ref cursor, branch)) continue;
                any = true;
                break;
            }
            if (!any) return false;
        }
        cursor.Position = end;
        return true;
    }

    /// <summary>The node's own keywords (not its in-place subschemas); on true the cursor is just past the value.</summary>
    private static bool OwnKeywordsHold(ref JsonCursor cursor, StreamNode node)
    {
        ReadOnlySpan<byte> raw;
        switch (cursor.Text[cursor.Position])
        {
            case (byte)'"':
                return Allows(node, SchemaValueType.String) && cursor.ReadString(out raw) && StringHolds(node, raw, cursor.LastStringPlain);
            case (byte)'t':
                return Allows(node, SchemaValueType.Boolean) && !node.HasValueSet && cursor.ReadLiteral("true"u8);
            case (byte)'f':
                return Allows(node, SchemaValueType.Boolean) && !node.HasValueSet && cursor.ReadLiteral("false"u8);
            case (byte)'n':
                return Allows(node, SchemaValueType.Null) && !node.HasValueSet && cursor.ReadLiteral("null"u8);
            case (byte)'{':
                if (!Allows(node, SchemaValueType.Object) || node.HasValueSet) return false;
                return node.InspectsObjects ? ObjectHolds(ref cursor, node) : cursor.SkipValue();
            case (byte)'[':
                if (!Allows(node, SchemaValueType.Array) || node.HasValueSet) return false;
                return node.InspectsArrays ? ArrayHolds(ref cursor, node) : cursor.SkipValue();
            default:
                return cursor.ReadNumber(out raw) && NumberHolds(node, raw);
        }
    }

    private static bool Allows(StreamNode node, SchemaValueType type) => (node.AllowedTypes & type) != 0;

    /// <summary>
    /// A string (a value or a property name) against the node's string keywords, as raw document text;
    /// <paramref name="plain"/>: ASCII without escapes (<see cref="JsonCursor.LastStringPlain"/>).
    /// </summary>
    private static bool StringHolds(StreamNode node, ReadOnlySpan<byte> raw, bool plain)
    {
        foreach (var check in node.Strings)
        {
            if (!check.Holds(raw, plain)) return false;
        }
        foreach (var values in node.Enums)
        {
            if ((plain ? values.Strings.FindExact(raw) : values.Strings.Find(raw)) < 0) return false;
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
        var integerOnly = (node.AllowedTypes & SchemaValueType.Number) == 0;
        if (!integerOnly && node.Numbers.Length == 0) return true;
        // Read once as fixed-point text (no exponent, at most 18 digits), which both the integer rule and the
        // bounds use; anything else is read by each on its own.
        var fixedPoint = NumberCheck.TryFixedPoint(raw, out var mantissa, out var scale);
        if (integerOnly)
        {
            // Only integers are allowed: certain for plain integer text that fits a long (as the element path asks
            // first); 1.0 or 1e3 are left to it.
            if ((node.AllowedTypes & SchemaValueType.Integer) == 0) return false;
            if (fixedPoint ? scale != 0 : !Utf8Parser.TryParse(raw, out long _, out var consumed) || consumed != raw.Length) return false;
        }
        foreach (var check in node.Numbers)
        {
            if (!(fixedPoint ? check.Holds(raw, mantissa, scale) : check.Holds(raw))) return false;
        }
        return true;
    }

    // The walks below take their scratch space from their caller: a method with stackalloc is compiled fully
    // optimized at once, without tiering, so it never gets the profile-guided code (devirtualized checks, hot paths
    // laid out first) that the rest of the walk gets.
    private static bool ObjectHolds(ref JsonCursor cursor, StreamNode node)
    {
        var words = node.PropertyNames is null ? 0 : (node.PropertyNames.Count + 63) >> 6;
        ulong few = 0;
        return words <= 1 ? ObjectHolds(ref cursor, node, new Span<ulong>(ref few)) : WideObjectHolds(ref cursor, node, words);
    }

    private static bool WideObjectHolds(ref JsonCursor cursor, StreamNode node, int words)
    {
        Span<ulong> seen = words <= 16 ? stackalloc ulong[16] : new ulong[words];
        seen.Clear();
        return ObjectHolds(ref cursor, node, seen);
    }

    /// <summary>An object's keywords; <paramref name="seen"/> (cleared) has a bit per named property.</summary>
    private static bool ObjectHolds(ref JsonCursor cursor, StreamNode node, scoped Span<ulong> seen)
    {
        var names = node.PropertyNames;
        long count = 0;
        var expected = 0;
        if (!cursor.Open((byte)'}', out var next)) return false;
        while (next != 0)
        {
            if (next != (byte)'"' || !cursor.ReadString(out var name) || cursor.SkipWhitespace() != (byte)':') return false;
            cursor.Position++;
            if (cursor.SkipWhitespace() == 0) return false;
            var plain = cursor.LastStringPlain;
            if (node.NameSchema is { } nameSchema && !NameHolds(nameSchema, name, plain)) return false;
            StreamNode? schema = null;
            if (names is not null)
            {
                var index = names.Find(name, expected, plain);
                expected = index + 1;
                if (index >= 0)
                {
                    seen[index >> 6] |= 1UL << (index & 63);
                    schema = node.PropertySchemas[index];
                }
            }
            schema ??= node.Additional;
            if (!(schema is null ? cursor.SkipValue() : IsValid(ref cursor, schema))) return false;
            count++;
            if (!cursor.NextMember((byte)'}', out next)) return false;
        }
        if (seen.Length == 1)
        {
            if ((seen[0] & node.RequiredBits) != node.RequiredBits) return false;
        }
        else
        {
            foreach (var required in node.Required)
            {
                if ((seen[required >> 6] & (1UL << (required & 63))) == 0) return false;
            }
        }
        return !(count < node.MinProperties) && !(count > node.MaxProperties);
    }

    /// <summary>
    /// A property name is a string: the node's string keywords apply, anything asking for another type fails. A names
    /// subschema with in-place subschemas is left to the element path.
    /// </summary>
    private static bool NameHolds(StreamNode node, ReadOnlySpan<byte> raw, bool plain) =>
        node.Constant ?? (!node.HasInPlace && Allows(node, SchemaValueType.String) && StringHolds(node, raw, plain));

    private const int MaxUniqueItems = 64;

    private static bool ArrayHolds(ref JsonCursor cursor, StreamNode node) =>
        node.UniqueItems ? UniqueArrayHolds(ref cursor, node) : ArrayHolds(ref cursor, node, default);

    private static bool UniqueArrayHolds(ref JsonCursor cursor, StreamNode node)
    {
        // uniqueItems over plain strings compares their raw text (exact when nothing is escaped); anything else is
        // left to the element path. Each item is remembered as (start, length) in the text.
        Span<(int Start, int Length)> items = stackalloc (int, int)[MaxUniqueItems];
        return ArrayHolds(ref cursor, node, items);
    }

    /// <summary>An array's keywords; <paramref name="items"/> has room for the strings uniqueItems remembers.</summary>
    private static bool ArrayHolds(ref JsonCursor cursor, StreamNode node, scoped Span<(int Start, int Length)> items)
    {
        var count = 0;
        if (!cursor.Open((byte)']', out var next)) return false;
        while (next != 0)
        {
            var schema = count < node.Prefix.Length ? node.Prefix[count] : node.Rest;
            if (node.UniqueItems && !IsNewString(ref cursor, items, count)) return false;
            if (!(schema is null ? cursor.SkipValue() : IsValid(ref cursor, schema))) return false;
            count++;
            if (!cursor.NextMember((byte)']', out next)) return false;
        }
        return !(count < node.MinItems) && !(count > node.MaxItems);
    }

    /// <summary>
    /// For uniqueItems: true when the item at the cursor is a string without escapes that differs from the
    /// <paramref name="count"/> before it (remembered in <paramref name="items"/>); the cursor stays on the item.
    /// </summary>
    private static bool IsNewString(ref JsonCursor cursor, scoped Span<(int Start, int Length)> items, int count)
    {
        var start = cursor.Position;
        if (count >= MaxUniqueItems || cursor.Text[start] != (byte)'"' || !cursor.ReadString(out var raw) || (!cursor.LastStringPlain && raw.IndexOf((byte)'\\') >= 0)) return false;
        cursor.Position = start;
        var text = cursor.Text;
        for (var i = 0; i < count; i++)
        {
            if (text.Slice(items[i].Start, items[i].Length).SequenceEqual(raw)) return false;
        }
        items[count] = (start + 1, raw.Length);
        return true;
    }
}
