namespace SchemaRegistry.Formats.Avro.Model;

/// <summary>The Avro types: eight primitives and six complex ones (an <c>error</c> is a record).</summary>
internal enum AvroKind
{
    Null,
    Boolean,
    Int,
    Long,
    Float,
    Double,
    Bytes,
    String,
    Record,
    Enum,
    Array,
    Map,
    Union,
    Fixed,
}

/// <summary>Names of the kinds, as the specification writes them and as Java's checker prints them.</summary>
internal static class AvroKinds
{
    private static readonly Dictionary<string, AvroKind> Primitives = new(StringComparer.Ordinal)
    {
        ["null"] = AvroKind.Null,
        ["boolean"] = AvroKind.Boolean,
        ["int"] = AvroKind.Int,
        ["long"] = AvroKind.Long,
        ["float"] = AvroKind.Float,
        ["double"] = AvroKind.Double,
        ["bytes"] = AvroKind.Bytes,
        ["string"] = AvroKind.String,
    };

    /// <summary>True for the eight primitive type names.</summary>
    public static bool TryGetPrimitive(string name, out AvroKind kind) => Primitives.TryGetValue(name, out kind);

    /// <summary>The lower-case name used in schemas (<c>record</c>, <c>int</c>...).</summary>
    public static string Name(this AvroKind kind) => kind switch
    {
        AvroKind.Null => "null",
        AvroKind.Boolean => "boolean",
        AvroKind.Int => "int",
        AvroKind.Long => "long",
        AvroKind.Float => "float",
        AvroKind.Double => "double",
        AvroKind.Bytes => "bytes",
        AvroKind.String => "string",
        AvroKind.Record => "record",
        AvroKind.Enum => "enum",
        AvroKind.Array => "array",
        AvroKind.Map => "map",
        AvroKind.Union => "union",
        AvroKind.Fixed => "fixed",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The upper-case name Java's <c>Schema.Type</c> prints (<c>RECORD</c>, <c>INT</c>), used in Confluent's messages.</summary>
    public static string JavaName(this AvroKind kind) => kind.Name().ToUpperInvariant();
}
