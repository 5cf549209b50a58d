using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Lifecycle;
using SchemaRegistry.Core.Storage;

namespace SchemaRegistry.Core.Services;

/// <summary>Moves versions through DRAFT -> ACTIVE -> DEPRECATED -> ARCHIVED.</summary>
public sealed class LifecycleService(ISchemaStore store, SubjectQueries queries, SubjectLocks locks, TimeProvider time)
{
    /// <summary>
    /// Moves a version to <paramref name="target"/>. Deprecation takes a sunset date in the future (default: 90 days
    /// from now); other states clear it.
    /// </summary>
    public async ValueTask<StoredVersion> ChangeStateAsync(string subject, VersionSelector selector, VersionState target, DateTimeOffset? sunsetAt, string actor, CancellationToken token)
    {
        using var _ = await locks.AcquireAsync(subject, token).ConfigureAwait(false);
        var version = await queries.GetVersionAsync(subject, selector, includeDeleted: false, token).ConfigureAwait(false);
        if (version.State == target && target != VersionState.Deprecated) return version;
        if (version.State != target && !VersionStates.CanMove(version.State, target))
        {
            var allowed = string.Join(", ", VersionStates.NextStates(version.State).Select(s => s.ToWire()));
            throw new RegistryException(ErrorCode.InvalidStateTransition,
                $"Version {version.Version} of '{subject}' is {version.State.ToWire()} and cannot move to {target.ToWire()}; allowed: {(allowed.Length == 0 ? "none (final state)" : allowed)}.");
        }
        DateTimeOffset? sunset = null;
        if (target == VersionState.Deprecated)
        {
            var now = time.GetUtcNow();
            sunset = sunsetAt ?? now + VersionStates.DefaultSunset;
            if (sunset <= now)
                throw new RegistryException(ErrorCode.InvalidRequest, $"The sunset date {sunset:O} is in the past; give a date after {now:O}.");
        }
        return await store.ExecuteAsync(new ChangeStateCommand(subject, version.Version, target, sunset) { Actor = actor }, token).ConfigureAwait(false);
    }
}
