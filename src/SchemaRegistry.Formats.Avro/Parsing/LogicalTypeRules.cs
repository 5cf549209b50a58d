using System.Text.Json;
using SchemaRegistry.Formats.Avro.Model;

namespace SchemaRegistry.Formats.Avro.Parsing;

/// <summary>
/// Recognises the logical types of the specification and checks each against its underlying type. Java ignores an
/// invalid logical type silently and Apache.Avro (the .NET serializers' library) refuses most of them, so an invalid
/// one is refused here, with where and why. An unknown logical type is kept as a plain property, as the specification
/// asks readers to do.
/// </summary>
internal static class LogicalTypeRules
{
    private static readonly Dictionary<string, AvroKind> OnPrimitive = new(StringComparer.Ordinal)
    {
        ["uuid"] = AvroKind.String,
        ["date"] = AvroKind.Int,
        ["time-millis"] = AvroKind.Int,
        ["time-micros"] = AvroKind.Long,
        ["timestamp-millis"] = AvroKind.Long,
        ["timestamp-micros"] = AvroKind.Long,
        ["timestamp-nanos"] = AvroKind.Long,
        ["local-timestamp-millis"] = AvroKind.Long,
        ["local-timestamp-micros"] = AvroKind.Long,
        ["local-timestamp-nanos"] = AvroKind.Long,
    };

    /// <summary>Reads the <c>logicalType</c> property of a node, checks it, and records it on the node.</summary>
    public static void Recognise(AvroSchemaNode node, string pointer)
    {
        if (!node.TryGetProperty("logicalType", out var value)) return;
        if (value.ValueKind != JsonValueKind.String) throw new AvroSchemaException(pointer + "/logicalType", "logicalType must be a string.");
        var name = value.GetString()!;
        if (name == LogicalType.Decimal)
        {
            node.Logical = Decimal(node, pointer);
        }
        else if (name == "duration")
        {
            if (node is not AvroFixed { Size: 12 })
                throw new AvroSchemaException(pointer, "'duration' can only be used with an underlying fixed type of size 12.");
            node.Logical = new LogicalType(name);
        }
        else if (OnPrimitive.TryGetValue(name, out var underlying))
        {
            if (node.Kind != underlying)
                throw new AvroSchemaException(pointer, $"'{name}' can only be used with an underlying {underlying.Name()} type.");
            node.Logical = new LogicalType(name);
        }
    }

    private static LogicalType Decimal(AvroSchemaNode node, string pointer)
    {
        if (node.Kind is not (AvroKind.Bytes or AvroKind.Fixed))
            throw new AvroSchemaException(pointer, "'decimal' can only be used with an underlying bytes or fixed type.");
        if (!node.TryGetProperty("precision", out var precisionValue) || !JsonShow.IsIntegerLiteral(precisionValue)
            || !precisionValue.TryGetInt32(out var precision) || precision <= 0)
            throw new AvroSchemaException(pointer + "/precision", "'decimal' requires a 'precision' property that is a positive integer.");
        var scale = 0;
        if (node.TryGetProperty("scale", out var scaleValue)
            && (!JsonShow.IsIntegerLiteral(scaleValue) || !scaleValue.TryGetInt32(out scale) || scale < 0 || scale > precision))
            throw new AvroSchemaException(pointer + "/scale", "'decimal' requires a 'scale' property that is zero or a positive integer no greater than 'precision'.");
        if (node is AvroFixed fixedNode && precision > MaxPrecision(fixedNode.Size))
            throw new AvroSchemaException(pointer + "/precision",
                $"A fixed of size {fixedNode.Size} holds at most {MaxPrecision(fixedNode.Size)} decimal digits; precision {precision} does not fit.");
        return new LogicalType(LogicalType.Decimal, precision, scale);
    }

    /// <summary>The most decimal digits a two's complement number of <paramref name="size"/> bytes always holds.</summary>
    public static int MaxPrecision(int size) => size <= 0 ? 0 : (int)Math.Floor((8.0 * size - 1) * Math.Log10(2));
}
