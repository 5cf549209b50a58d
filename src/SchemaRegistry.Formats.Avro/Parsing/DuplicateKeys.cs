using System.Text.Json;
using SchemaRegistry.Formats.Avro.Support;

namespace SchemaRegistry.Formats.Avro.Parsing;

/// <summary>
/// Finds a key written twice in one object. Jackson (and so Java Avro) silently keeps the last one, which hides
/// mistakes such as two <c>default</c>s; the registry refuses them and says where.
/// </summary>
internal static class DuplicateKeys
{
    /// <summary>The first duplicate as "pointer: message", or null.</summary>
    public static AvroSchemaException? Find(JsonElement element, string pointer = "")
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                HashSet<string>? seen = null;
                foreach (var property in element.EnumerateObject())
                {
                    if (!(seen ??= new HashSet<string>(StringComparer.Ordinal)).Add(property.Name))
                        return new AvroSchemaException(Pointer.Append(pointer, property.Name), $"The key \"{property.Name}\" appears twice in one object.");
                    if (Find(property.Value, Pointer.Append(pointer, property.Name)) is { } inner) return inner;
                }
                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (Find(item, Pointer.Append(pointer, index++)) is { } inner) return inner;
                }
                return null;
            default:
                return null;
        }
    }
}
