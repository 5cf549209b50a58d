namespace SchemaRegistry.Formats.Avro.Model;

/// <summary>
/// A logical type the parser recognised and checked (an unknown <c>logicalType</c> stays a plain property, as the
/// specification asks). Schema resolution reads the underlying type; the diff also compares these.
/// </summary>
/// <param name="Name">The logical type, e.g. <c>decimal</c>, <c>timestamp-millis</c>.</param>
/// <param name="Precision">The decimal precision (0 for other types).</param>
/// <param name="Scale">The decimal scale (0 for other types).</param>
internal sealed record LogicalType(string Name, int Precision = 0, int Scale = 0)
{
    /// <summary>The decimal logical type name.</summary>
    public const string Decimal = "decimal";

    /// <summary>True for a decimal.</summary>
    public bool IsDecimal => Name == Decimal;

    /// <inheritdoc />
    public override string ToString() => IsDecimal ? $"decimal({Precision},{Scale})" : Name;
}
