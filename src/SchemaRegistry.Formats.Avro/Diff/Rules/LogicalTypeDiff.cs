using SchemaRegistry.Formats.Avro.Model;

namespace SchemaRegistry.Formats.Avro.Diff.Rules;

/// <summary>
/// Logical types. Java's checker (and so Confluent) ignores them; the specification does not: two decimals match only
/// with the same scale and precision. A changed scale or another logical type reinterprets every stored value, a
/// smaller precision may not hold them: those break readers. A larger precision, or a logical type added or removed
/// over the same bytes, is compatible.
/// </summary>
internal static class LogicalTypeDiff
{
    public static void Compare(DiffContext context, AvroSchemaNode reader, AvroSchemaNode writer, string path)
    {
        var (after, before) = (reader.Logical, writer.Logical);
        if (after is null && before is null) return;
        var at = AvroDiff.At(path, "logicalType");
        if (before is null)
        {
            context.Add(AvroChangeKinds.LogicalTypeAdded, at, $"The logical type {after} was added over {reader.Kind.Name()}.");
            return;
        }
        if (after is null)
        {
            context.Add(AvroChangeKinds.LogicalTypeRemoved, at, $"The logical type {before} was removed; readers see plain {reader.Kind.Name()}.");
            return;
        }
        if (after.Name != before.Name)
        {
            context.Add(AvroChangeKinds.LogicalTypeChanged, at, $"The logical type changed from {before} to {after}: stored values would be read as other values.");
            return;
        }
        if (!after.IsDecimal) return;
        if (after.Scale != before.Scale)
            context.Add(AvroChangeKinds.DecimalScaleChanged, AvroDiff.At(path, "scale"), $"The decimal scale changed from {before.Scale} to {after.Scale}: every stored value would be read as another number.");
        if (after.Precision < before.Precision)
            context.Add(AvroChangeKinds.DecimalPrecisionDecreased, AvroDiff.At(path, "precision"), $"The decimal precision decreased from {before.Precision} to {after.Precision}: some stored values no longer fit.");
        else if (after.Precision > before.Precision)
            context.Add(AvroChangeKinds.DecimalPrecisionIncreased, AvroDiff.At(path, "precision"), $"The decimal precision increased from {before.Precision} to {after.Precision}.");
    }
}
