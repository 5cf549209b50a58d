using System.Text.Json;

namespace SchemaRegistry.Formats.Avro.Model;

/// <summary>How a field takes part in sorting records (it changes no encoding).</summary>
internal enum FieldOrder
{
    Ascending,
    Descending,
    Ignore,
}

/// <summary>A record field.</summary>
internal sealed class AvroField(string name, int position, AvroSchemaNode type)
{
    /// <summary>The name.</summary>
    public string Name { get; } = name;

    /// <summary>The position in the record (0-based).</summary>
    public int Position { get; } = position;

    /// <summary>The type.</summary>
    public AvroSchemaNode Type { get; } = type;

    /// <summary>The documentation, or null.</summary>
    public string? Doc { get; init; }

    /// <summary>The default value as written (a textual float/double default is already a number), or null for none.</summary>
    public JsonElement? Default { get; init; }

    /// <summary>The sort order.</summary>
    public FieldOrder Order { get; init; }

    /// <summary>Other names readers accept for it, as written, without duplicates.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>Properties outside the grammar, in the order written.</summary>
    public IReadOnlyList<AvroProperty> Properties { get; init; } = [];
}
