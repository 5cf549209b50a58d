using System.Text.Json;

namespace SchemaRegistry.Formats.Avro.Model;

/// <summary>
/// A property that is not part of the Avro grammar (<c>logicalType</c>, <c>precision</c>, <c>java-class</c>, any
/// annotation), kept in the order written: Java keeps them in insertion order and prints them back so.
/// </summary>
/// <param name="Name">The key.</param>
/// <param name="Value">The value (a detached element).</param>
internal readonly record struct AvroProperty(string Name, JsonElement Value);
