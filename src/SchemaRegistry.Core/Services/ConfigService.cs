using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Storage;

namespace SchemaRegistry.Core.Services;

/// <summary>Compatibility configuration and modes, global and per subject, with Confluent's fallbacks.</summary>
public sealed class ConfigService(ISchemaStore store, RegistryOptions options)
{
    /// <summary>The global configuration, with the built-in default filled in.</summary>
    public async ValueTask<SubjectConfig> GetGlobalAsync(CancellationToken token)
    {
        var global = await store.GetConfigAsync(null, token).ConfigureAwait(false);
        return new SubjectConfig(global?.Level ?? options.DefaultCompatibility, global?.Normalize);
    }

    /// <summary>
    /// A subject's own configuration. When it has none: the global one if <paramref name="defaultToGlobal"/>, else a
    /// 40408, as Confluent does.
    /// </summary>
    public async ValueTask<SubjectConfig> GetSubjectAsync(string subject, bool defaultToGlobal, CancellationToken token)
    {
        var own = await store.GetConfigAsync(subject, token).ConfigureAwait(false);
        if (own?.Level is not null) return own;
        if (defaultToGlobal) return await GetGlobalAsync(token).ConfigureAwait(false);
        throw new RegistryException(ErrorCode.SubjectCompatibilityNotConfigured, $"Subject '{subject}' does not have subject-level compatibility configured");
    }

    /// <summary>The configuration that applies to a subject: its own, else the global one, else the default.</summary>
    public async ValueTask<SubjectConfig> GetEffectiveAsync(string subject, CancellationToken token)
    {
        var own = await store.GetConfigAsync(subject, token).ConfigureAwait(false);
        var global = await GetGlobalAsync(token).ConfigureAwait(false);
        return new SubjectConfig(own?.Level ?? global.Level, own?.Normalize ?? global.Normalize);
    }

    /// <summary>Sets a subject's (or, for null, the global) configuration.</summary>
    public async ValueTask<SubjectConfig> SetAsync(string? subject, SubjectConfig config, string actor, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(config);
        await EnsureWritableAsync(subject, token).ConfigureAwait(false);
        return await store.ExecuteAsync(new SetConfigCommand(subject, config) { Actor = actor }, token).ConfigureAwait(false);
    }

    // Read-only modes freeze configuration too (Confluent refuses config writes with 42205).
    private async ValueTask EnsureWritableAsync(string? subject, CancellationToken token)
    {
        var mode = subject is null ? await GetGlobalModeAsync(token).ConfigureAwait(false) : await GetEffectiveModeAsync(subject, token).ConfigureAwait(false);
        if (mode is RegistryMode.ReadOnly or RegistryMode.ReadOnlyOverride)
            throw new RegistryException(ErrorCode.OperationNotPermitted, $"Subject {subject ?? "(global)"} is in read-only mode");
    }

    /// <summary>Removes a subject's configuration, returning what it was; 40401 when it had none (as Confluent answers).</summary>
    public async ValueTask<SubjectConfig> DeleteSubjectAsync(string subject, string actor, CancellationToken token)
    {
        await EnsureWritableAsync(subject, token).ConfigureAwait(false);
        var removed = await store.ExecuteAsync(new DeleteConfigCommand(subject) { Actor = actor }, token).ConfigureAwait(false);
        return removed ?? throw SubjectQueries.SubjectNotFound(subject);
    }

    /// <summary>Resets the global configuration to the default, returning what it was.</summary>
    public async ValueTask<SubjectConfig> DeleteGlobalAsync(string actor, CancellationToken token)
    {
        await EnsureWritableAsync(null, token).ConfigureAwait(false);
        var before = await GetGlobalAsync(token).ConfigureAwait(false);
        await store.ExecuteAsync(new DeleteConfigCommand(null) { Actor = actor }, token).ConfigureAwait(false);
        return before;
    }

    /// <summary>Parses a compatibility level or refuses it with Confluent's 42203.</summary>
    public static CompatibilityLevel ParseLevel(string? text) =>
        CompatibilityLevels.TryParse(text, out var level)
            ? level
            : throw new RegistryException(ErrorCode.InvalidCompatibilityLevel,
                "Invalid compatibility level. Valid values are none, backward, forward, full, backward_transitive, forward_transitive, and full_transitive");

    // ------------------------------------------------------------------ modes

    /// <summary>The global mode (READWRITE unless set).</summary>
    public async ValueTask<RegistryMode> GetGlobalModeAsync(CancellationToken token) =>
        await store.GetModeAsync(null, token).ConfigureAwait(false) ?? RegistryMode.ReadWrite;

    /// <summary>A subject's own mode; when it has none, the global one if <paramref name="defaultToGlobal"/>, else 40409.</summary>
    public async ValueTask<RegistryMode> GetSubjectModeAsync(string subject, bool defaultToGlobal, CancellationToken token)
    {
        var own = await store.GetModeAsync(subject, token).ConfigureAwait(false);
        if (own is { } mode) return mode;
        if (defaultToGlobal) return await GetGlobalModeAsync(token).ConfigureAwait(false);
        throw new RegistryException(ErrorCode.SubjectModeNotConfigured, $"Subject '{subject}' does not have subject-level mode configured");
    }

    /// <summary>
    /// The mode that governs writes to a subject. A global READONLY_OVERRIDE wins over any subject mode; otherwise the
    /// subject's own mode wins over the global one.
    /// </summary>
    public async ValueTask<RegistryMode> GetEffectiveModeAsync(string subject, CancellationToken token)
    {
        var global = await GetGlobalModeAsync(token).ConfigureAwait(false);
        if (global == RegistryMode.ReadOnlyOverride) return global;
        return await store.GetModeAsync(subject, token).ConfigureAwait(false) ?? global;
    }

    /// <summary>Parses a mode or refuses it with Confluent's 42204.</summary>
    public static RegistryMode ParseMode(string? text) =>
        RegistryModes.TryParse(text, out var mode)
            ? mode
            : throw new RegistryException(ErrorCode.InvalidMode,
                "Invalid mode. Valid values are READWRITE, READONLY, READONLY_OVERRIDE, and IMPORT.");

    /// <summary>
    /// Sets a subject's (or the global) mode. Switching to IMPORT is refused while live subjects exist in the scope
    /// (ids imported later could collide with ids already handed out), unless <paramref name="force"/>.
    /// </summary>
    public async ValueTask<RegistryMode> SetModeAsync(string? subject, RegistryMode mode, bool force, string actor, CancellationToken token)
    {
        if (mode == RegistryMode.Import && !force)
        {
            var current = subject is null ? await GetGlobalModeAsync(token).ConfigureAwait(false) : await GetEffectiveModeAsync(subject, token).ConfigureAwait(false);
            var hasLive = current != RegistryMode.Import && (subject is null
                ? (await store.ListSubjectsAsync(new SubjectQuery(Limit: 1), token).ConfigureAwait(false)).Count > 0
                : (await store.GetVersionsAsync(subject, includeDeleted: false, token).ConfigureAwait(false)).Count > 0);
            if (hasLive)
                throw new RegistryException(ErrorCode.OperationNotPermitted, "Cannot import since found existing subjects");
        }
        return await store.ExecuteAsync(new SetModeCommand(subject, mode) { Actor = actor }, token).ConfigureAwait(false);
    }

    /// <summary>Removes a subject's mode, returning what it was; 40401 when it had none (as Confluent answers).</summary>
    public async ValueTask<RegistryMode> DeleteSubjectModeAsync(string subject, string actor, CancellationToken token)
    {
        var removed = await store.ExecuteAsync(new DeleteModeCommand(subject) { Actor = actor }, token).ConfigureAwait(false);
        return removed ?? throw SubjectQueries.SubjectNotFound(subject);
    }
}
