using Avro;
using Avro.Generic;
using Avro.IO;

namespace SchemaRegistry.Formats.Avro.Tests.Properties;

/// <summary>Avro's JSON encoding of a datum, as Apache.Avro's own encoder writes it.</summary>
internal static class AvroJson
{
    public static string Encode(Schema schema, object? datum)
    {
        using var stream = new MemoryStream();
        var encoder = new JsonEncoder(schema, stream);
        new GenericDatumWriter<object?>(schema).Write(datum, encoder);
        encoder.Flush();
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
