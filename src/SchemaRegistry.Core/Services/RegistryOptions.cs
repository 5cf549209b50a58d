using SchemaRegistry.Core.Compatibility;

namespace SchemaRegistry.Core.Services;

/// <summary>Registry-wide defaults, bound from configuration section <c>Registry</c>.</summary>
public sealed class RegistryOptions
{
    /// <summary>The compatibility level when neither the subject nor the global config sets one.</summary>
    public CompatibilityLevel DefaultCompatibility { get; set; } = CompatibilityLevel.Backward;

    /// <summary>How many parsed schemas (with their compiled validators) the cache keeps.</summary>
    public int SchemaCacheCapacity { get; set; } = 10_000;

    /// <summary>How many serialized <c>/schemas/ids/{id}</c> answers the server keeps (0 turns the cache off).</summary>
    public int ResponseCacheCapacity { get; set; } = 50_000;
}
