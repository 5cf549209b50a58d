using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Storage;

namespace SchemaRegistry.Core.Services;

/// <summary>
/// Confluent's delete life cycle: a version or subject is soft deleted first (hidden, its number still counted), and
/// only then permanently deleted. A version another schema references cannot be deleted at all.
/// </summary>
public sealed class DeletionService(ISchemaStore store, SubjectQueries queries, ConfigService config, SubjectLocks locks, SchemaVisibility visibility)
{
    /// <summary>Deletes one version; returns its number.</summary>
    public async ValueTask<int> DeleteVersionAsync(string subject, VersionSelector selector, bool permanent, string actor, CancellationToken token)
    {
        using var _ = await locks.AcquireAsync(subject, token).ConfigureAwait(false);

        if (!permanent && !selector.IsLatest && selector.Semver is null &&
            await store.GetVersionAsync(subject, selector.Number, token).ConfigureAwait(false) is { Deleted: true })
            throw new RegistryException(ErrorCode.VersionSoftDeleted,
                $"Subject '{subject}' Version {selector} was soft deleted.Set permanent=true to delete permanently");

        // `latest` is the newest live version; a number may name a soft-deleted one (for a permanent delete).
        var version = await queries.GetVersionAsync(subject, selector, includeDeleted: true, token).ConfigureAwait(false);
        await EnsureWritableAsync(subject, token).ConfigureAwait(false);
        await EnsureNotReferencedAsync(subject, version.Version, token).ConfigureAwait(false);
        if (permanent && !version.Deleted)
            throw new RegistryException(ErrorCode.VersionNotSoftDeleted,
                $"Subject '{subject}' Version {version.Version} was not deleted first before being permanently deleted");
        var deleted = await store.ExecuteAsync(new DeleteVersionCommand(subject, version.Version, permanent) { Actor = actor }, token).ConfigureAwait(false);
        if (permanent) visibility.OnUsageRemoved(version.Schema.Id);
        return deleted;
    }

    /// <summary>Deletes a subject; returns the version numbers deleted (live ones for a soft delete, all for a permanent one).</summary>
    public async ValueTask<IReadOnlyList<int>> DeleteSubjectAsync(string subject, bool permanent, string actor, CancellationToken token)
    {
        using var _ = await locks.AcquireAsync(subject, token).ConfigureAwait(false);

        var all = await store.GetVersionsAsync(subject, includeDeleted: true, token).ConfigureAwait(false);
        if (all.Count == 0) throw SubjectQueries.SubjectNotFound(subject);
        var live = all.Count(v => !v.Deleted);
        if (!permanent && live == 0)
            throw new RegistryException(ErrorCode.SubjectSoftDeleted,
                $"Subject '{subject}' was soft deleted.Set permanent=true to delete permanently");
        await EnsureWritableAsync(subject, token).ConfigureAwait(false);
        foreach (var version in all.Where(v => permanent || !v.Deleted))
            await EnsureNotReferencedAsync(subject, version.Version, token).ConfigureAwait(false);
        if (permanent && live > 0)
            throw new RegistryException(ErrorCode.SubjectNotSoftDeleted,
                $"Subject '{subject}' was not deleted first before being permanently deleted");
        var deleted = await store.ExecuteAsync(new DeleteSubjectCommand(subject, permanent) { Actor = actor }, token).ConfigureAwait(false);
        if (permanent)
        {
            foreach (var id in all.Select(v => v.Schema.Id).Distinct()) visibility.OnUsageRemoved(id);
        }
        return deleted;
    }

    private async ValueTask EnsureWritableAsync(string subject, CancellationToken token)
    {
        var mode = await config.GetEffectiveModeAsync(subject, token).ConfigureAwait(false);
        if (mode is RegistryMode.ReadOnly or RegistryMode.ReadOnlyOverride)
            throw new RegistryException(ErrorCode.OperationNotPermitted, $"Subject {subject} is in read-only mode");
    }

    private async ValueTask EnsureNotReferencedAsync(string subject, int version, CancellationToken token)
    {
        var referrers = await store.GetReferrersAsync(subject, version, includeDeleted: false, token).ConfigureAwait(false);
        if (referrers.Count > 0)
        {
            var by = string.Join(", ", referrers.Take(5).Select(r => $"'{r.Subject}' version {r.Version}"));
            throw new RegistryException(ErrorCode.ReferenceExists,
                $"One or more references exist to the schema {{magic=1,keytype=SCHEMA,subject={subject},version={version}}}. Referenced by {by}; delete those first.");
        }
    }
}
