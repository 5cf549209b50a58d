namespace SchemaRegistry.Formats.Avro.Model;

/// <summary>A record, enum or fixed: a type with a name, an optional doc and aliases.</summary>
internal abstract class AvroNamed(AvroKind kind, AvroName name, string? doc) : AvroSchemaNode(kind)
{
    /// <summary>The name.</summary>
    public AvroName Name { get; } = name;

    /// <summary>The documentation, or null.</summary>
    public string? Doc { get; } = doc;

    /// <summary>Other names readers accept for it (qualified in its namespace), in the order written, without duplicates.</summary>
    public IReadOnlyList<AvroName> Aliases { get; internal set; } = [];

    /// <summary>True when the type comes from a referenced schema (another subject) rather than this one.</summary>
    public bool FromReference { get; internal set; }

    /// <inheritdoc />
    public override string BranchName => Name.FullName;
}

/// <summary>A record (or an <c>error</c>, which is a record for everything but Avro RPC).</summary>
internal sealed class AvroRecord(AvroName name, string? doc, bool isError) : AvroNamed(AvroKind.Record, name, doc)
{
    private IReadOnlyList<AvroField> _fields = [];
    private Dictionary<string, AvroField> _byName = new(StringComparer.Ordinal);

    /// <summary>True for an <c>error</c>.</summary>
    public bool IsError { get; } = isError;

    /// <summary>The fields, in order.</summary>
    public IReadOnlyList<AvroField> Fields => _fields;

    /// <summary>The field with this exact name, or null.</summary>
    public AvroField? Field(string fieldName) => _byName.GetValueOrDefault(fieldName);

    /// <summary>Sets the fields once, after the record is known under its name.</summary>
    internal void SetFields(IReadOnlyList<AvroField> fields)
    {
        _fields = fields;
        _byName = fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
    }
}

/// <summary>An enum: a list of symbols and an optional default symbol for readers that meet an unknown one.</summary>
internal sealed class AvroEnum(AvroName name, string? doc, IReadOnlyList<string> symbols, string? @default) : AvroNamed(AvroKind.Enum, name, doc)
{
    /// <summary>The symbols, in order.</summary>
    public IReadOnlyList<string> Symbols { get; } = symbols;

    /// <summary>The enum default (Avro 1.9+), or null.</summary>
    public string? Default { get; } = @default;
}

/// <summary>A fixed-size byte sequence.</summary>
internal sealed class AvroFixed(AvroName name, string? doc, int size) : AvroNamed(AvroKind.Fixed, name, doc)
{
    /// <summary>The size in bytes.</summary>
    public int Size { get; } = size;
}
