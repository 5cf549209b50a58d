using Avro;
using Avro.Generic;
using Avro.IO;

namespace SchemaRegistry.Formats.Avro.Tests.Properties;

/// <summary>Random data for a schema, written and read in Avro binary by Apache.Avro itself.</summary>
internal static class AvroData
{
    /// <summary>A random datum of <paramref name="schema"/>, as Apache.Avro's generic API represents it.</summary>
    public static object? Sample(Schema schema, Random random, int depth = 0)
    {
        switch (schema)
        {
            case RecordSchema record:
                var generic = new GenericRecord(record);
                foreach (var field in record.Fields) generic.Add(field.Name, Sample(field.Schema, random, depth + 1));
                return generic;
            case EnumSchema enumeration:
                return new GenericEnum(enumeration, enumeration.Symbols[random.Next(enumeration.Symbols.Count)]);
            case FixedSchema fixedSchema:
                var bytes = new byte[fixedSchema.Size];
                random.NextBytes(bytes);
                return new GenericFixed(fixedSchema, bytes);
            case ArraySchema array:
                return Enumerable.Range(0, depth > 4 ? 0 : random.Next(3)).Select(_ => Sample(array.ItemSchema, random, depth + 1)).ToArray();
            case MapSchema map:
                return Enumerable.Range(0, depth > 4 ? 0 : random.Next(3)).ToDictionary(i => "k" + i, _ => Sample(map.ValueSchema, random, depth + 1));
            case UnionSchema union:
                return Sample(union.Schemas[random.Next(union.Count)], random, depth + 1);
        }
        return schema.Tag switch
        {
            Schema.Type.Null => null,
            Schema.Type.Boolean => random.Next(2) == 0,
            Schema.Type.Int => random.Next(-1000, 1000),
            Schema.Type.Long => (long)random.Next(-1000, 1000),
            Schema.Type.Float => (float)random.Next(-1000, 1000) / 4,
            Schema.Type.Double => (double)random.Next(-1000, 1000) / 8,
            Schema.Type.Bytes => new byte[] { (byte)random.Next(256), (byte)random.Next(256) },
            _ => "s" + random.Next(100),
        };
    }

    /// <summary>Writes <paramref name="datum"/> with the writer schema and reads it back with the reader schema (schema resolution).</summary>
    public static object? Resolve(Schema writer, Schema reader, object? datum)
    {
        using var stream = new MemoryStream();
        new GenericDatumWriter<object?>(writer).Write(datum, new BinaryEncoder(stream));
        stream.Position = 0;
        return new GenericDatumReader<object?>(writer, reader).Read(null, new BinaryDecoder(stream));
    }
}
