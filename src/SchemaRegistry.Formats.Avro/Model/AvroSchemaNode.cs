namespace SchemaRegistry.Formats.Avro.Model;

/// <summary>
/// One node of a parsed Avro schema. Immutable once the parser returns it (records get their fields right after they
/// are registered under their name, so recursive references can point at them). Named types appear once and are
/// shared by every reference to them: identity is what the compatibility check memoizes on, as Java's does.
/// </summary>
internal abstract class AvroSchemaNode
{
    protected AvroSchemaNode(AvroKind kind) => Kind = kind;

    /// <summary>The type.</summary>
    public AvroKind Kind { get; }

    /// <summary>Properties outside the grammar, in the order written (including <c>logicalType</c>).</summary>
    public IReadOnlyList<AvroProperty> Properties { get; internal set; } = [];

    /// <summary>The recognised logical type, or null.</summary>
    public LogicalType? Logical { get; internal set; }

    /// <summary>
    /// The key a union tells its branches apart by, and the branch name of the JSON encoding: the type name for
    /// primitives, <c>array</c> and <c>map</c>, the full name for named types.
    /// </summary>
    public virtual string BranchName => Kind.Name();

    /// <summary>The value of a property, if present.</summary>
    public bool TryGetProperty(string name, out System.Text.Json.JsonElement value)
    {
        foreach (var property in Properties)
        {
            if (property.Name == name)
            {
                value = property.Value;
                return true;
            }
        }
        value = default;
        return false;
    }
}

/// <summary>null, boolean, int, long, float, double, bytes or string.</summary>
internal sealed class AvroPrimitive(AvroKind kind) : AvroSchemaNode(kind);

/// <summary>An array of <see cref="Items"/>.</summary>
internal sealed class AvroArray(AvroSchemaNode items) : AvroSchemaNode(AvroKind.Array)
{
    /// <summary>The item type.</summary>
    public AvroSchemaNode Items { get; } = items;
}

/// <summary>A map from strings to <see cref="Values"/>.</summary>
internal sealed class AvroMap(AvroSchemaNode values) : AvroSchemaNode(AvroKind.Map)
{
    /// <summary>The value type.</summary>
    public AvroSchemaNode Values { get; } = values;
}

/// <summary>A union of branches (possibly none), none of which is a union.</summary>
internal sealed class AvroUnion(IReadOnlyList<AvroSchemaNode> branches) : AvroSchemaNode(AvroKind.Union)
{
    /// <summary>The branches, in order (the first one types the default of a field).</summary>
    public IReadOnlyList<AvroSchemaNode> Branches { get; } = branches;
}
