using System.Text.Json;
using SchemaRegistry.Formats.Avro.Model;

namespace SchemaRegistry.Formats.Avro.Parsing;

/// <summary>
/// Checks a field default against the field's type, as Java's <c>Schema.isValidDefault</c> does when Confluent
/// validates defaults (a union default is typed by the first branch; a record default needs every field, or that
/// field's own default). Stricter than Java 1.11 in three places the specification is clear about and a reader would
/// fail on: an enum default must be a symbol, a bytes or fixed default holds only code points up to U+00FF, and a
/// fixed default has exactly <c>size</c> of them.
/// </summary>
internal static class DefaultRules
{
    /// <summary>True when <paramref name="value"/> is a valid default for <paramref name="type"/>.</summary>
    public static bool IsValid(AvroSchemaNode type, JsonElement value, int depth = 0)
    {
        if (depth > 256) return false;
        switch (type)
        {
            case AvroEnum e:
                return value.ValueKind == JsonValueKind.String && e.Symbols.Contains(value.GetString()!);
            case AvroFixed f:
                return value.ValueKind == JsonValueKind.String && IsLatin1(value.GetString()!, out var length) && length == f.Size;
            case AvroArray a:
                return value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(item => IsValid(a.Items, item, depth + 1));
            case AvroMap m:
                return value.ValueKind == JsonValueKind.Object && value.EnumerateObject().All(p => IsValid(m.Values, p.Value, depth + 1));
            case AvroUnion u:
                return u.Branches.Count > 0 && IsValid(u.Branches[0], value, depth + 1);
            case AvroRecord r:
                if (value.ValueKind != JsonValueKind.Object) return false;
                foreach (var field in r.Fields)
                {
                    if (value.TryGetProperty(field.Name, out var member))
                    {
                        if (!IsValid(field.Type, member, depth + 1)) return false;
                    }
                    else if (field.Default is not { } own || !IsValid(field.Type, own, depth + 1))
                    {
                        return false;
                    }
                }
                return true;
        }
        return type.Kind switch
        {
            AvroKind.String => value.ValueKind == JsonValueKind.String,
            AvroKind.Bytes => value.ValueKind == JsonValueKind.String && IsLatin1(value.GetString()!, out _),
            AvroKind.Int => JsonShow.IsIntegerLiteral(value) && value.TryGetInt32(out _),
            AvroKind.Long => JsonShow.IsIntegerLiteral(value) && value.TryGetInt64(out _),
            // A textual default was already converted to a number unless it is one of Java's non-finite spellings.
            AvroKind.Float or AvroKind.Double => value.ValueKind == JsonValueKind.Number
                || (value.ValueKind == JsonValueKind.String && value.GetString() is "NaN" or "Infinity" or "-Infinity"),
            AvroKind.Boolean => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
            AvroKind.Null => value.ValueKind == JsonValueKind.Null,
            _ => false,
        };
    }

    private static bool IsLatin1(string text, out int length)
    {
        length = text.Length;
        foreach (var c in text)
        {
            if (c > '\u00FF') return false;
        }
        return true;
    }
}
