using System.Text.Json;

namespace SchemaRegistry.Formats.JsonSchema.Model;

/// <summary>JSON equality as JSON Schema defines it (<c>enum</c>, <c>const</c>): numbers by value, object members unordered.</summary>
internal static class JsonValues
{
    /// <summary>True when the two values are equal JSON.</summary>
    public static bool AreEqual(JsonElement a, JsonElement b)
    {
        if (a.ValueKind == JsonValueKind.Number && b.ValueKind == JsonValueKind.Number) return Number.Of(a).CompareTo(Number.Of(b)) == 0;
        if (a.ValueKind != b.ValueKind) return false;
        switch (a.ValueKind)
        {
            case JsonValueKind.String:
                return a.ValueEquals(b.GetString());
            case JsonValueKind.Array:
                if (a.GetArrayLength() != b.GetArrayLength()) return false;
                return a.EnumerateArray().Zip(b.EnumerateArray()).All(p => AreEqual(p.First, p.Second));
            case JsonValueKind.Object:
                var left = a.EnumerateObject().ToList();
                var right = b.EnumerateObject().ToList();
                if (left.Count != right.Count) return false;
                return left.All(m => b.TryGetProperty(m.Name, out var other) && AreEqual(m.Value, other));
            default:
                return true;
        }
    }

    /// <summary>
    /// True when the two values are the same JSON text up to insignificant whitespace: same kinds, object members with
    /// the same names in the same order, the same strings and numbers as written (escapes included). Stricter than
    /// <see cref="AreEqual"/>; whatever compares identical compares equal.
    /// </summary>
    public static bool AreIdentical(JsonElement a, JsonElement b)
    {
        if (a.ValueKind != b.ValueKind) return false;
        switch (a.ValueKind)
        {
            case JsonValueKind.String:
            case JsonValueKind.Number:
                return System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(a).SequenceEqual(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(b));
            case JsonValueKind.Array:
            {
                if (a.GetArrayLength() != b.GetArrayLength()) return false;
                var right = b.EnumerateArray();
                foreach (var left in a.EnumerateArray())
                {
                    right.MoveNext();
                    if (!AreIdentical(left, right.Current)) return false;
                }
                return true;
            }
            case JsonValueKind.Object:
            {
                if (a.GetPropertyCount() != b.GetPropertyCount()) return false;
                var right = b.EnumerateObject();
                foreach (var left in a.EnumerateObject())
                {
                    right.MoveNext();
                    var other = right.Current;
                    if (!System.Runtime.InteropServices.JsonMarshal.GetRawUtf8PropertyName(left).SequenceEqual(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8PropertyName(other))
                        || !AreIdentical(left.Value, other.Value))
                    {
                        return false;
                    }
                }
                return true;
            }
            default:
                return true;
        }
    }

    /// <summary>True when <paramref name="values"/> holds a value equal to <paramref name="value"/>.</summary>
    public static bool ContainsValue(this IEnumerable<JsonElement> values, JsonElement value) => values.Any(v => AreEqual(v, value));

    /// <summary>Short JSON for messages.</summary>
    public static string Show(JsonElement value)
    {
        var text = Canonical.CanonicalJson.Write(value);
        return text.Length <= 60 ? text : text[..57] + "...";
    }
}
