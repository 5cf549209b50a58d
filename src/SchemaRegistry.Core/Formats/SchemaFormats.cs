using System.Collections.Frozen;

namespace SchemaRegistry.Core.Formats;

/// <summary>The table of format plug-ins. A format registered twice is a start-up error.</summary>
public sealed class SchemaFormats
{
    private readonly FrozenDictionary<string, ISchemaFormat> _byType;

    /// <summary>Builds the table; throws if two plug-ins claim the same schema type.</summary>
    public SchemaFormats(IEnumerable<ISchemaFormat> formats)
    {
        ArgumentNullException.ThrowIfNull(formats);
        var byType = new Dictionary<string, ISchemaFormat>(StringComparer.OrdinalIgnoreCase);
        foreach (var format in formats)
        {
            if (!byType.TryAdd(format.SchemaType, format))
                throw new InvalidOperationException($"Two schema format plug-ins claim the type '{format.SchemaType}'.");
        }
        _byType = byType.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        Types = [.. _byType.Keys.Select(k => k.ToUpperInvariant()).Order(StringComparer.Ordinal)];
    }

    /// <summary>The registered schema types, upper case, sorted.</summary>
    public IReadOnlyList<string> Types { get; }

    /// <summary>Finds the plug-in for a schema type (case-insensitive).</summary>
    public bool TryGet(string schemaType, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ISchemaFormat? format) =>
        _byType.TryGetValue(schemaType, out format);
}
