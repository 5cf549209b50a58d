using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Formats;
using SchemaRegistry.Core.Storage;

namespace SchemaRegistry.Core.Services;

/// <summary>
/// Turns declared references (subject + version) into the text of the pinned versions, transitively, so a format
/// plug-in can resolve <c>$ref</c>s, named types and imports without ever touching the network.
/// </summary>
public sealed class ReferenceResolver(ISchemaStore store)
{
    /// <summary>How deep references may nest before the chain is refused.</summary>
    public const int MaxDepth = 32;

    /// <summary>
    /// Pins <c>latest</c> (-1) references to the current latest version, and checks each reference is well formed.
    /// </summary>
    public async ValueTask<IReadOnlyList<SchemaReference>> PinAsync(IReadOnlyList<SchemaReference> references, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(references);
        if (references.Count == 0) return references;
        var pinned = new List<SchemaReference>(references.Count);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var reference in references)
        {
            if (string.IsNullOrWhiteSpace(reference.Name) || string.IsNullOrWhiteSpace(reference.Subject))
                throw new RegistryException(ErrorCode.InvalidSchema, "Every reference needs a name and a subject.");
            if (!names.Add(reference.Name))
                throw new RegistryException(ErrorCode.InvalidSchema, $"The reference name '{reference.Name}' is declared twice.");
            if (reference.Version == -1)
            {
                var live = await store.GetVersionsAsync(reference.Subject, includeDeleted: false, token).ConfigureAwait(false);
                var latest = (live.Count > 0 ? live[^1] : null)
                    ?? throw new RegistryException(ErrorCode.InvalidSchema, $"Reference '{reference.Name}' points at the latest version of subject '{reference.Subject}', which has no versions.");
                pinned.Add(reference with { Version = latest.Version });
            }
            else if (reference.Version < 1)
            {
                throw new RegistryException(ErrorCode.InvalidSchema, $"Reference '{reference.Name}' has version {reference.Version}; use a version >= 1 or -1 for latest.");
            }
            else
            {
                pinned.Add(reference);
            }
        }
        return pinned;
    }

    /// <summary>Loads the text of every referenced version, recursively.</summary>
    public ValueTask<IReadOnlyList<ResolvedReference>> ResolveAsync(IReadOnlyList<SchemaReference> references, CancellationToken token) =>
        ResolveAsync(references, [], token);

    private async ValueTask<IReadOnlyList<ResolvedReference>> ResolveAsync(
        IReadOnlyList<SchemaReference> references, List<(string Subject, int Version)> path, CancellationToken token)
    {
        if (references.Count == 0) return [];
        if (path.Count >= MaxDepth)
            throw new RegistryException(ErrorCode.InvalidSchema, $"References nest deeper than {MaxDepth} levels.");
        var resolved = new List<ResolvedReference>(references.Count);
        foreach (var reference in references)
        {
            if (path.Contains((reference.Subject, reference.Version)))
                throw new RegistryException(ErrorCode.InvalidSchema, $"Reference '{reference.Name}' to subject '{reference.Subject}' version {reference.Version} forms a cycle.");
            var version = await store.GetVersionAsync(reference.Subject, reference.Version, token).ConfigureAwait(false)
                ?? throw new RegistryException(ErrorCode.InvalidSchema, $"Reference '{reference.Name}' points at subject '{reference.Subject}' version {reference.Version}, which does not exist.");
            path.Add((reference.Subject, reference.Version));
            var nested = await ResolveAsync(version.Schema.References, path, token).ConfigureAwait(false);
            path.RemoveAt(path.Count - 1);
            resolved.Add(new ResolvedReference(reference.Name, reference.Subject, reference.Version, version.Schema.SchemaType, version.Schema.Text, nested));
        }
        return resolved;
    }
}
