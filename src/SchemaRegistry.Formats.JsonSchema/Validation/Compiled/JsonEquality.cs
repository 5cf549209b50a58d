using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace SchemaRegistry.Formats.JsonSchema.Validation.Compiled;

/// <summary>
/// JSON equality as JSON Schema defines it (for <c>enum</c>, <c>const</c>, <c>uniqueItems</c>): same kind, numbers equal
/// by value (1 equals 1.0), strings equal once escapes are decoded, objects with the same members in any order, arrays
/// item by item. Reads the document in place; allocates nothing.
/// </summary>
internal static class JsonEquality
{
    /// <summary>True when the two values are equal.</summary>
    public static bool AreEqual(in Instance a, JsonElement b)
    {
        if (!a.IsName) return AreEqual(a.Element, b);
        return b.ValueKind == JsonValueKind.String && StringsEqual(a.RawString, JsonMarshal.GetRawUtf8Value(b)[1..^1]);
    }

    /// <summary>True when the two elements are equal.</summary>
    public static bool AreEqual(JsonElement a, JsonElement b)
    {
        var kind = a.ValueKind;
        if (kind != b.ValueKind) return false;
        switch (kind)
        {
            case JsonValueKind.String:
                return StringsEqual(JsonMarshal.GetRawUtf8Value(a)[1..^1], JsonMarshal.GetRawUtf8Value(b)[1..^1]);
            case JsonValueKind.Number:
                return NumbersEqual(JsonMarshal.GetRawUtf8Value(a), JsonMarshal.GetRawUtf8Value(b));
            case JsonValueKind.Array:
                if (a.GetArrayLength() != b.GetArrayLength()) return false;
                using (var left = a.EnumerateArray())
                using (var right = b.EnumerateArray())
                {
                    while (left.MoveNext() && right.MoveNext())
                    {
                        if (!AreEqual(left.Current, right.Current)) return false;
                    }
                }
                return true;
            case JsonValueKind.Object:
                if (a.GetPropertyCount() != b.GetPropertyCount()) return false;
                foreach (var member in a.EnumerateObject())
                {
                    if (!TryGetProperty(b, member, out var other) || !AreEqual(member.Value, other)) return false;
                }
                return true;
            default:
                return true; // true, false, null: the kind is the value
        }
    }

    /// <summary>Two raw string texts, equal once decoded.</summary>
    public static bool StringsEqual(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        var aPlain = a.IndexOf((byte)'\\') < 0;
        var bPlain = b.IndexOf((byte)'\\') < 0;
        if (aPlain && bPlain) return a.SequenceEqual(b);
        if (aPlain) return JsonText.EqualsDecoded(b, a);
        if (bPlain) return JsonText.EqualsDecoded(a, b);
        char[]? rentedA = null, rentedB = null;
        Span<char> charsA = a.Length <= JsonText.StackChars ? stackalloc char[JsonText.StackChars] : (rentedA = ArrayPool<char>.Shared.Rent(a.Length));
        Span<char> charsB = b.Length <= JsonText.StackChars ? stackalloc char[JsonText.StackChars] : (rentedB = ArrayPool<char>.Shared.Rent(b.Length));
        var equal = charsA[..JsonText.Decode(a, charsA)].SequenceEqual(charsB[..JsonText.Decode(b, charsB)]);
        if (rentedA is not null) ArrayPool<char>.Shared.Return(rentedA);
        if (rentedB is not null) ArrayPool<char>.Shared.Return(rentedB);
        return equal;
    }

    /// <summary>Two raw number texts, equal by value.</summary>
    public static bool NumbersEqual(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        if (a.SequenceEqual(b)) return true;
        byte[]? rentedA = null, rentedB = null;
        Span<byte> bufferA = a.Length <= 64 ? stackalloc byte[64] : (rentedA = ArrayPool<byte>.Shared.Rent(a.Length));
        Span<byte> bufferB = b.Length <= 64 ? stackalloc byte[64] : (rentedB = ArrayPool<byte>.Shared.Rent(b.Length));
        var x = DecimalNumber.Parse(a, bufferA);
        var y = DecimalNumber.Parse(b, bufferB);
        var equal = DecimalNumber.Compare(x, y) == 0;
        if (rentedA is not null) ArrayPool<byte>.Shared.Return(rentedA);
        if (rentedB is not null) ArrayPool<byte>.Shared.Return(rentedB);
        return equal;
    }

    /// <summary>A hash consistent with <see cref="AreEqual(JsonElement, JsonElement)"/>.</summary>
    public static int Hash(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
            {
                var raw = JsonMarshal.GetRawUtf8Value(value)[1..^1];
                if (raw.IndexOf((byte)'\\') < 0) return HashUtf8(raw);
                char[]? rented = null;
                Span<char> chars = raw.Length <= JsonText.StackChars ? stackalloc char[JsonText.StackChars] : (rented = ArrayPool<char>.Shared.Rent(raw.Length));
                var length = JsonText.Decode(raw, chars);
                var hash = HashChars(chars[..length]);
                if (rented is not null) ArrayPool<char>.Shared.Return(rented);
                return hash;
            }
            case JsonValueKind.Number:
            {
                var raw = JsonMarshal.GetRawUtf8Value(value);
                byte[]? rented = null;
                Span<byte> buffer = raw.Length <= 64 ? stackalloc byte[64] : (rented = ArrayPool<byte>.Shared.Rent(raw.Length));
                var number = DecimalNumber.Parse(raw, buffer);
                var hash = new HashCode();
                hash.Add(number.Negative);
                hash.Add(number.Exponent);
                hash.AddBytes(number.Digits);
                if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
                return hash.ToHashCode();
            }
            case JsonValueKind.Array:
            {
                var hash = new HashCode();
                foreach (var item in value.EnumerateArray()) hash.Add(Hash(item));
                return hash.ToHashCode();
            }
            case JsonValueKind.Object:
            {
                // Member order does not matter: combine member hashes commutatively.
                var sum = 0;
                foreach (var member in value.EnumerateObject()) sum += HashCode.Combine(Hash(member), Hash(member.Value));
                return HashCode.Combine(JsonValueKind.Object, sum);
            }
            default:
                return (int)value.ValueKind;
        }
    }

    private static int Hash(JsonProperty member)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(member);
        if (raw.IndexOf((byte)'\\') < 0) return HashUtf8(raw);
        char[]? rented = null;
        Span<char> chars = raw.Length <= JsonText.StackChars ? stackalloc char[JsonText.StackChars] : (rented = ArrayPool<char>.Shared.Rent(raw.Length));
        var hash = HashChars(chars[..JsonText.Decode(raw, chars)]);
        if (rented is not null) ArrayPool<char>.Shared.Return(rented);
        return hash;
    }

    /// <summary>Strings hash by their characters, so an escaped and a plain spelling of one string agree.</summary>
    private static int HashUtf8(ReadOnlySpan<byte> utf8)
    {
        // Plain text: ASCII bytes are their chars; anything else is decoded first.
        if (System.Text.Ascii.IsValid(utf8))
        {
            var hash = new HashCode();
            foreach (var b in utf8) hash.Add((char)b);
            hash.Add(utf8.Length);
            return hash.ToHashCode();
        }
        char[]? rented = null;
        Span<char> chars = utf8.Length <= JsonText.StackChars ? stackalloc char[JsonText.StackChars] : (rented = ArrayPool<char>.Shared.Rent(utf8.Length));
        var result = HashChars(chars[..System.Text.Encoding.UTF8.GetChars(utf8, chars)]);
        if (rented is not null) ArrayPool<char>.Shared.Return(rented);
        return result;
    }

    private static int HashChars(ReadOnlySpan<char> chars)
    {
        var hash = new HashCode();
        foreach (var c in chars) hash.Add(c);
        hash.Add(chars.Length);
        return hash.ToHashCode();
    }

    /// <summary>Finds <paramref name="member"/>'s name in <paramref name="target"/> without allocating its name.</summary>
    private static bool TryGetProperty(JsonElement target, JsonProperty member, out JsonElement value)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(member);
        if (raw.IndexOf((byte)'\\') < 0) return target.TryGetProperty(raw, out value);
        char[]? rented = null;
        Span<char> chars = raw.Length <= JsonText.StackChars ? stackalloc char[JsonText.StackChars] : (rented = ArrayPool<char>.Shared.Rent(raw.Length));
        var found = target.TryGetProperty(chars[..JsonText.Decode(raw, chars)], out value);
        if (rented is not null) ArrayPool<char>.Shared.Return(rented);
        return found;
    }
}
