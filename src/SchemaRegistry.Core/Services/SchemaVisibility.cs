namespace SchemaRegistry.Core.Services;

/// <summary>
/// Tells caches when a schema id may have stopped being served: a schema's content never changes, but once every
/// version using it is permanently deleted, <c>GET /schemas/ids/{id}</c> answers 404. Everything else about an id is
/// immutable, which is what lets its answers be cached.
/// </summary>
public sealed class SchemaVisibility
{
    /// <summary>Raised after a permanent delete removed a version that used the schema id.</summary>
    public event Action<long>? UsageRemoved;

    internal void OnUsageRemoved(long schemaId) => UsageRemoved?.Invoke(schemaId);
}
