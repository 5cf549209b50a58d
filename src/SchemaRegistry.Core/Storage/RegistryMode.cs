namespace SchemaRegistry.Core.Storage;

/// <summary>Confluent's modes, global or per subject.</summary>
public enum RegistryMode
{
    /// <summary>Reads and writes.</summary>
    ReadWrite,
    /// <summary>Reads only.</summary>
    ReadOnly,
    /// <summary>Reads only, and the subject-level setting wins over the global one.</summary>
    ReadOnlyOverride,
    /// <summary>Registrations carry their id and version (migration from another registry).</summary>
    Import,
}

/// <summary>Wire names of <see cref="RegistryMode"/>.</summary>
public static class RegistryModes
{
    /// <summary>The wire name: <c>READWRITE</c>, <c>READONLY</c>, <c>READONLY_OVERRIDE</c>, <c>IMPORT</c>.</summary>
    public static string ToWire(this RegistryMode mode) => mode switch
    {
        RegistryMode.ReadWrite => "READWRITE",
        RegistryMode.ReadOnly => "READONLY",
        RegistryMode.ReadOnlyOverride => "READONLY_OVERRIDE",
        RegistryMode.Import => "IMPORT",
        _ => throw new ArgumentOutOfRangeException(nameof(mode)),
    };

    /// <summary>Parses a wire name, case-insensitively.</summary>
    public static bool TryParse(string? text, out RegistryMode mode)
    {
        foreach (var candidate in Enum.GetValues<RegistryMode>())
        {
            if (string.Equals(candidate.ToWire(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                mode = candidate;
                return true;
            }
        }
        mode = default;
        return false;
    }
}
