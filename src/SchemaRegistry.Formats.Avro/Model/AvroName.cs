namespace SchemaRegistry.Formats.Avro.Model;

/// <summary>
/// The name of a record, enum or fixed: a simple name and an optional namespace. Two names are equal when their full
/// names are (Java's <c>Schema.Name</c>).
/// </summary>
/// <param name="Namespace">The namespace, or null for none (an empty namespace is none).</param>
/// <param name="Simple">The simple name, after the last dot.</param>
internal sealed record AvroName(string? Namespace, string Simple)
{
    /// <summary>The full name: <c>namespace.simple</c>, or the simple name without a namespace.</summary>
    public string FullName { get; } = Namespace is null ? Simple : Namespace + "." + Simple;

    /// <summary>
    /// A name as written in a schema, qualified the way Java does it: a name with dots carries its own namespace;
    /// otherwise it takes <paramref name="enclosing"/>.
    /// </summary>
    public static AvroName Of(string written, string? enclosing)
    {
        var dot = written.LastIndexOf('.');
        var space = dot < 0 ? enclosing : written[..dot];
        return new AvroName(string.IsNullOrEmpty(space) ? null : space, dot < 0 ? written : written[(dot + 1)..]);
    }

    /// <summary>The name as written where <paramref name="defaultNamespace"/> is in force: short when it needs no namespace.</summary>
    public string QualifiedFor(string? defaultNamespace) =>
        Namespace is null || string.Equals(Namespace, defaultNamespace, StringComparison.Ordinal) ? Simple : FullName;

    /// <summary>Equality by full name.</summary>
    public bool Equals(AvroName? other) => other is not null && string.Equals(FullName, other.FullName, StringComparison.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(FullName);

    /// <inheritdoc />
    public override string ToString() => FullName;
}
