using System.Text.Json;
using SchemaRegistry.Core.Formats;
using SchemaRegistry.Formats.Avro.Model;

namespace SchemaRegistry.Formats.Avro.Validation;

/// <summary>
/// null, boolean, int, long, float, double and string in the JSON encoding. Numbers are strict: an int is a JSON
/// integer within 32 bits (1.5 and 1.0 are refused, where Java's decoder truncates and C#'s rounds), a long within 64;
/// a float or double is any finite number in range, or one of the strings <c>"NaN"</c>, <c>"Infinity"</c>,
/// <c>"-Infinity"</c> that Avro's JSON encoders write for non-finite values.
/// </summary>
internal sealed class PrimitiveCheck(AvroKind kind, string schemaPath) : ValueCheck(schemaPath)
{
    public override bool Accepts(JsonElement value, int depth) => kind switch
    {
        AvroKind.Null => value.ValueKind == JsonValueKind.Null,
        AvroKind.Boolean => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        AvroKind.Int => value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out _),
        AvroKind.Long => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        AvroKind.Float => IsFloating(value, float.MaxValue),
        AvroKind.Double => IsFloating(value, double.MaxValue),
        _ => value.ValueKind == JsonValueKind.String,
    };

    public override void Collect(JsonElement value, string instancePath, List<ValidationError> errors, int depth)
    {
        if (Accepts(value, depth)) return;
        var expected = kind switch
        {
            AvroKind.Null => "null",
            AvroKind.Boolean => "a boolean",
            AvroKind.Int => "an int (a JSON integer from -2147483648 to 2147483647)",
            AvroKind.Long => "a long (a JSON integer within 64 bits)",
            AvroKind.Float => "a float (a number within single precision, or \"NaN\", \"Infinity\", \"-Infinity\")",
            AvroKind.Double => "a double (a finite number, or \"NaN\", \"Infinity\", \"-Infinity\")",
            _ => "a string",
        };
        var found = value.ValueKind == JsonValueKind.Number ? $"the number {value.GetRawText()}" : Describe(value);
        Fail(errors, instancePath, "type", $"Expected {expected}, found {found}.");
    }

    private static bool IsFloating(JsonElement value, double max)
    {
        if (value.ValueKind == JsonValueKind.Number) return value.TryGetDouble(out var number) && Math.Abs(number) <= max;
        return value.ValueKind == JsonValueKind.String
            && (value.ValueEquals("NaN"u8) || value.ValueEquals("Infinity"u8) || value.ValueEquals("-Infinity"u8));
    }
}
