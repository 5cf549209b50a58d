using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Formats;
using SchemaRegistry.Core.Lifecycle;
using SchemaRegistry.Core.Storage;
using SchemaRegistry.Core.Subjects;
using SchemaRegistry.Core.Versions;

namespace SchemaRegistry.Core.Services;

/// <summary>A request to register a schema under a subject (Confluent or native API).</summary>
/// <param name="Subject">The subject.</param>
/// <param name="SchemaType">The format; null means AVRO, as Confluent clients expect.</param>
/// <param name="Schema">The schema text.</param>
/// <param name="References">Declared references.</param>
public sealed record RegistrationRequest(string Subject, string? SchemaType, string Schema, IReadOnlyList<SchemaReference> References)
{
    /// <summary>Normalize before registering; null = the subject's configured default.</summary>
    public bool? Normalize { get; init; }
    /// <summary>IMPORT mode: the id to register under.</summary>
    public long? Id { get; init; }
    /// <summary>The version number: in IMPORT mode any free number; otherwise it must be the next one.</summary>
    public int? Version { get; init; }
    /// <summary>An explicit semantic version; null = proposed from the diff.</summary>
    public string? Semver { get; init; }
    /// <summary>The initial state; null = ACTIVE.</summary>
    public VersionState? State { get; init; }
    /// <summary>Description, owner, tags, properties.</summary>
    public VersionMetadata Metadata { get; init; } = VersionMetadata.Empty;
    /// <summary>Who registers.</summary>
    public string Actor { get; init; } = "anonymous";
}

/// <summary>The outcome of a registration.</summary>
/// <param name="Id">The schema's global id.</param>
/// <param name="Version">The version number in the subject.</param>
/// <param name="Semver">The semantic version.</param>
/// <param name="Created">False when the schema was already the subject's version (nothing was written).</param>
/// <param name="Changes">The diff from the previous latest version (empty for a first version or a repeat).</param>
/// <param name="SchemaType">The format.</param>
/// <param name="CanonicalText">The schema text as stored.</param>
public sealed record RegistrationOutcome(long Id, int Version, string Semver, bool Created, IReadOnlyList<SchemaChange> Changes, string SchemaType, string CanonicalText);

/// <summary>
/// Registers schemas as Confluent does: a schema the subject already has is returned as it is; otherwise the mode is
/// checked, the schema is checked against earlier live versions at the subject's compatibility level, a semver is
/// proposed (or an explicit one checked) from the diff, and the version is appended in one durable store command.
/// Serialized per subject, so versions have no gaps or duplicates.
/// </summary>
public sealed partial class RegistrationService(
    ISchemaStore store,
    SchemaLoader loader,
    ReferenceResolver references,
    ConfigService config,
    SubjectLocks locks,
    Observability.RegistryTelemetry telemetry,
    Microsoft.Extensions.Logging.ILogger<RegistrationService> logger)
{
    /// <summary>Registers a schema, or returns the existing version when the subject already has it.</summary>
    public async ValueTask<RegistrationOutcome> RegisterAsync(RegistrationRequest request, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(request);
        SubjectName.EnsureValid(request.Subject);
        using var activity = Observability.RegistryTelemetry.Activities.StartActivity("register");
        activity?.SetTag("registry.subject", request.Subject);
        var explicitSemver = ParseSemver(request.Semver);

        var effective = await config.GetEffectiveAsync(request.Subject, token).ConfigureAwait(false);
        var pinned = await references.PinAsync(request.References, token).ConfigureAwait(false);
        var parsed = await loader.ParseAsync(request.SchemaType, request.Schema, pinned, (request.Normalize ?? false) || (effective.Normalize ?? false), token).ConfigureAwait(false);
        var fingerprint = SchemaFingerprint.Of(parsed.CanonicalText);

        using var _ = await locks.AcquireAsync(request.Subject, token).ConfigureAwait(false);

        var all = await store.GetVersionsAsync(request.Subject, includeDeleted: true, token).ConfigureAwait(false);
        var live = all.Where(v => !v.Deleted).ToList();

        // A schema the subject already has is answered before any mode or compatibility check (Confluent's
        // short-circuit), unless the request pins another id or version.
        if (SubjectQueries.FindSameSchema(live, parsed) is { } existing &&
            (request.Id is null or < 0 || request.Id == existing.Schema.Id) &&
            (request.Version is null or 0 or -1 || request.Version == existing.Version))
        {
            telemetry.Registered(existing.Schema.SchemaType, created: false);
            return new RegistrationOutcome(existing.Schema.Id, existing.Version, existing.Semver, Created: false, [], existing.Schema.SchemaType, existing.Schema.Text);
        }

        var importing = await CheckModeAsync(request, token).ConfigureAwait(false);
        var maxVersion = all.Count > 0 ? all.Max(v => v.Version) : 0;
        if (!importing && request.Version is > 0 && request.Version != maxVersion + 1)
            throw new RegistryException(ErrorCode.InvalidSchema, "Version is not one more than previous version");
        if (importing && request.Version is < -1 or 0)
            throw new RegistryException(ErrorCode.InvalidVersion, $"The specified version '{request.Version}' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"");

        var level = effective.Level ?? CompatibilityLevel.Backward;
        IReadOnlyList<SchemaChange>? latestChanges = null;
        if (!importing && level != CompatibilityLevel.None && live.Count > 0)
            latestChanges = await EnsureCompatibleAsync(request.Subject, level, parsed, live, token).ConfigureAwait(false);

        // The BACKWARD levels already diffed the candidate against the latest version: the semver reads that diff.
        var latest = live.Count > 0 ? live[^1] : null;
        var changes = latest is null ? [] : latestChanges ?? Diff(parsed, await loader.GetParsedAsync(latest.Schema, token).ConfigureAwait(false));
        var semver = ChooseSemver(explicitSemver, latest, changes);

        var command = new RegisterVersionCommand(
            request.Subject,
            parsed.SchemaType,
            parsed.CanonicalText,
            fingerprint,
            parsed.References,
            semver.ToString(),
            request.State ?? VersionState.Active,
            request.Metadata,
            ExpectedLatestVersion: maxVersion)
        {
            Actor = request.Actor,
            ExplicitId = importing ? request.Id : null,
            ExplicitVersion = importing && request.Version is > 0 ? request.Version : null,
            ReplaceSoftDeletedCopies = !importing,
        };
        var registered = await store.ExecuteAsync(command, token).ConfigureAwait(false);
        loader.Remember(registered.SchemaId, parsed);
        telemetry.Registered(parsed.SchemaType, created: true);
        Log.Registered(logger, request.Subject, registered.Version, command.Semver, registered.SchemaId, parsed.SchemaType);
        activity?.SetTag("registry.schema_id", registered.SchemaId).SetTag("registry.version", registered.Version);
        return new RegistrationOutcome(registered.SchemaId, registered.Version, command.Semver, Created: true, changes, parsed.SchemaType, parsed.CanonicalText);
    }

    /// <summary>The diff between two schemas, or a format change when their formats differ.</summary>
    internal static IReadOnlyList<SchemaChange> Diff(IParsedSchema newer, IParsedSchema older) => CompatibilityChecker.Changes(newer, older);

    // Confluent's rules: read-only modes refuse writes; an explicit id needs IMPORT; IMPORT needs an explicit id.
    private async ValueTask<bool> CheckModeAsync(RegistrationRequest request, CancellationToken token)
    {
        var mode = await config.GetEffectiveModeAsync(request.Subject, token).ConfigureAwait(false);
        if (mode is RegistryMode.ReadOnly or RegistryMode.ReadOnlyOverride)
            throw new RegistryException(ErrorCode.OperationNotPermitted, $"Subject {request.Subject} is in read-only mode");
        var hasId = request.Id is >= 0;
        if (hasId && mode != RegistryMode.Import)
            throw new RegistryException(ErrorCode.OperationNotPermitted, $"Subject {request.Subject} is not in import mode");
        if (!hasId && mode != RegistryMode.ReadWrite)
            throw new RegistryException(ErrorCode.OperationNotPermitted, $"Subject {request.Subject} is not in read-write mode");
        if (hasId && request.Id == 0)
            throw new RegistryException(ErrorCode.InvalidSchema, "Schema ids start at 1; id 0 cannot be imported.");
        return mode == RegistryMode.Import;
    }

    /// <summary>Throws the 409 when incompatible; returns the candidate's diff from the latest version when the check computed it.</summary>
    private async ValueTask<IReadOnlyList<SchemaChange>?> EnsureCompatibleAsync(string subject, CompatibilityLevel level, IParsedSchema parsed, List<StoredVersion> live, CancellationToken token)
    {
        var relevant = level.IsTransitive() ? live : live.GetRange(live.Count - 1, 1);
        var previous = new List<VersionedSchema>(relevant.Count);
        foreach (var version in relevant)
            previous.Add(new VersionedSchema(version.Version, await loader.GetParsedAsync(version.Schema, token).ConfigureAwait(false)));
        using var activity = Observability.RegistryTelemetry.Activities.StartActivity("compatibility.check");
        var report = CompatibilityChecker.Check(level, parsed, previous, out var latestChanges);
        activity?.SetTag("registry.level", level.ToWire()).SetTag("registry.compatible", report.IsCompatible);
        telemetry.CompatibilityChecked(report.IsCompatible);
        if (!report.IsCompatible)
            throw Incompatible(subject, level, report, relevant);
        return latestChanges;
    }

    private static SemanticVersion? ParseSemver(string? text) =>
        text is null ? null
        : SemanticVersion.TryParse(text, out var semver) ? semver
        : throw new RegistryException(ErrorCode.InvalidSemanticVersion, $"'{text}' is not a semantic version; use MAJOR.MINOR.PATCH such as 1.4.0.");

    private static SemanticVersion ChooseSemver(SemanticVersion? requested, StoredVersion? latest, IReadOnlyList<SchemaChange> changes)
    {
        SemanticVersion? previous = latest is not null && SemanticVersion.TryParse(latest.Semver, out var p) ? p : null;
        if (requested is not { } explicitVersion) return SemverPolicy.Propose(previous, changes);
        if (SemverPolicy.Contradiction(explicitVersion, previous, changes) is { } contradiction)
            throw new RegistryException(ErrorCode.InvalidSemanticVersion, contradiction);
        return explicitVersion;
    }

    /// <summary>
    /// The 409 Confluent answers: its message lists each violation, the old version and schema, and the level, in
    /// the shape Confluent clients and tools look for.
    /// </summary>
    internal static RegistryException Incompatible(string subject, CompatibilityLevel level, CompatibilityReport report, IReadOnlyList<StoredVersion> against)
    {
        var details = CompatibilityMessages.Describe(level, report, against);
        return new RegistryException(ErrorCode.IncompatibleSchema,
            $"Schema being registered is incompatible with an earlier schema for subject \"{subject}\", details: [{string.Join(", ", details)}]",
            details);
    }

    private static partial class Log
    {
        [Microsoft.Extensions.Logging.LoggerMessage(1, Microsoft.Extensions.Logging.LogLevel.Information,
            "Registered {Subject} version {Version} ({Semver}) as schema {SchemaId} ({SchemaType})")]
        public static partial void Registered(Microsoft.Extensions.Logging.ILogger logger, string subject, int version, string semver, long schemaId, string schemaType);
    }
}
