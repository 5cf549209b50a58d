using SchemaRegistry.Formats.Avro.Model;

namespace SchemaRegistry.Formats.Avro.Diff.Rules;

/// <summary>The promotions of the specification's schema resolution: a reader of the first kind reads the second.</summary>
internal static class TypeRules
{
    /// <summary>Every (reader, writer) promotion, as a table.</summary>
    public static IReadOnlyList<(AvroKind Reader, AvroKind Writer)> Promotions { get; } =
    [
        (AvroKind.Long, AvroKind.Int),
        (AvroKind.Float, AvroKind.Int),
        (AvroKind.Float, AvroKind.Long),
        (AvroKind.Double, AvroKind.Int),
        (AvroKind.Double, AvroKind.Long),
        (AvroKind.Double, AvroKind.Float),
        (AvroKind.String, AvroKind.Bytes),
        (AvroKind.Bytes, AvroKind.String),
    ];

    /// <summary>
    /// Said in the message of a change that the specification, Java and Confluent accept but Apache.Avro for .NET
    /// (1.12) cannot read: the string/bytes promotion and a field read through a reader alias. Checked with real data.
    /// </summary>
    public const string NotReadByDotNet = "Apache.Avro for .NET (1.12) cannot read this change: .NET consumers need the old schema";

    /// <summary>True when a reader of <paramref name="reader"/> reads data written as <paramref name="writer"/> by promotion.</summary>
    public static bool IsPromotion(AvroKind reader, AvroKind writer) => Promotions.Contains((reader, writer));
}
