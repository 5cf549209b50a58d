using System.Text;
using System.Text.Json;
using SchemaRegistry.Formats.Avro.Canonical;
using SchemaRegistry.Formats.Avro.Model;
using SchemaRegistry.Formats.Avro.Parsing;

namespace SchemaRegistry.Formats.Avro.Diff.Rules;

/// <summary>
/// Properties outside the grammar (<c>java-class</c>, <c>connect.name</c>, an unknown <c>logicalType</c>, any
/// annotation): resolution ignores them, so every change is an annotation. A recognised logical type is compared by
/// <see cref="LogicalTypeDiff"/> instead.
/// </summary>
internal static class AnnotationRules
{
    public static void CompareProperties(DiffContext context, AvroSchemaNode reader, AvroSchemaNode writer, string path)
    {
        var logical = reader.Logical is not null || writer.Logical is not null;
        Compare(context, reader.Properties, writer.Properties, path, name => logical && name is "logicalType" or "precision" or "scale");
    }

    public static void Compare(DiffContext context, IReadOnlyList<AvroProperty> after, IReadOnlyList<AvroProperty> before, string path, Func<string, bool>? skip = null)
    {
        if (after.Count == 0 && before.Count == 0) return;
        foreach (var property in after)
        {
            if (skip?.Invoke(property.Name) == true) continue;
            var at = AvroDiff.At(path, property.Name);
            var old = before.FirstOrDefault(p => p.Name == property.Name);
            if (old.Name is null) context.Add(AvroChangeKinds.PropertyAdded, at, $"The property {property.Name} was added ({JsonShow.Of(property.Value)}).");
            else if (!Same(old.Value, property.Value))
                context.Add(AvroChangeKinds.PropertyChanged, at, $"The property {property.Name} changed from {JsonShow.Of(old.Value)} to {JsonShow.Of(property.Value)}.");
        }
        foreach (var property in before)
        {
            if (skip?.Invoke(property.Name) == true || after.Any(p => p.Name == property.Name)) continue;
            context.Add(AvroChangeKinds.PropertyRemoved, AvroDiff.At(path, property.Name), $"The property {property.Name} was removed (was {JsonShow.Of(property.Value)}).");
        }
    }

    /// <summary>JSON equality as Avro reads it: the same printed value (numbers by value, key order ignored).</summary>
    public static bool Same(JsonElement left, JsonElement right) =>
        JacksonText.Value(new StringBuilder(), left, sortKeys: true).ToString() == JacksonText.Value(new StringBuilder(), right, sortKeys: true).ToString();
}
