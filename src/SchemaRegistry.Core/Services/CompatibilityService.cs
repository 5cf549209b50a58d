using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Core.Formats;
using SchemaRegistry.Core.Storage;
using SchemaRegistry.Core.Versions;

namespace SchemaRegistry.Core.Services;

/// <summary>A candidate schema for a check, as a request carries it.</summary>
/// <param name="SchemaType">The format; null means AVRO.</param>
/// <param name="Schema">The schema text.</param>
/// <param name="References">Declared references.</param>
/// <param name="Normalize">Normalize before comparing.</param>
public sealed record CandidateSchema(string? SchemaType, string Schema, IReadOnlyList<SchemaReference> References, bool Normalize = false);

/// <summary>The full answer of a native compatibility check: the diff, the verdict per level, the proposed semver.</summary>
/// <param name="Level">The subject's configured level.</param>
/// <param name="Report">The verdict at that level, with violations.</param>
/// <param name="Verdicts">The verdict at every level.</param>
/// <param name="Changes">The diff from the latest live version.</param>
/// <param name="AgainstVersion">The latest live version compared against, or null for an empty subject.</param>
/// <param name="ProposedSemver">The semver the registry would give the candidate.</param>
public sealed record CompatibilityAnalysis(
    CompatibilityLevel Level,
    CompatibilityReport Report,
    IReadOnlyDictionary<CompatibilityLevel, bool> Verdicts,
    IReadOnlyList<SchemaChange> Changes,
    int? AgainstVersion,
    string ProposedSemver);

/// <summary>The diff between two registered versions.</summary>
/// <param name="From">The older side.</param>
/// <param name="To">The newer side.</param>
/// <param name="Changes">Every change from <paramref name="From"/> to <paramref name="To"/>.</param>
/// <param name="Bump">The semver bump the changes call for.</param>
/// <param name="BackwardCompatible">True when <paramref name="To"/> reads data written with <paramref name="From"/>.</param>
/// <param name="ForwardCompatible">True when <paramref name="From"/> reads data written with <paramref name="To"/>.</param>
public sealed record VersionDiff(StoredVersion From, StoredVersion To, IReadOnlyList<SchemaChange> Changes, VersionBump Bump, bool BackwardCompatible, bool ForwardCompatible);

/// <summary>The answer to a Confluent-style check.</summary>
/// <param name="Report">The verdict and violations.</param>
/// <param name="Level">The subject's level.</param>
/// <param name="Messages">Confluent-style message lines (empty when compatible).</param>
public sealed record CompatibilityCheck(CompatibilityReport Report, CompatibilityLevel Level, IReadOnlyList<string> Messages);

/// <summary>Compatibility checks without registering, and diffs between versions.</summary>
public sealed class CompatibilityService(
    ISchemaStore store,
    SchemaLoader loader,
    ReferenceResolver references,
    ConfigService config,
    SubjectQueries queries,
    Observability.RegistryTelemetry telemetry)
{
    /// <summary>
    /// Confluent's <c>/compatibility/subjects/{s}/versions[/{v}]</c>: checks a candidate against one live version, or
    /// (with <paramref name="selector"/> null) against the live versions the subject's level asks for. A subject or
    /// <c>latest</c> with nothing to compare against is compatible; a named version that does not exist is a 40402.
    /// </summary>
    public async ValueTask<CompatibilityCheck> CheckAsync(string subject, VersionSelector? selector, CandidateSchema candidate, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var effective = await config.GetEffectiveAsync(subject, token).ConfigureAwait(false);
        var level = effective.Level ?? CompatibilityLevel.Backward;
        var parsed = await ParseAsync(candidate, effective, token).ConfigureAwait(false);

        var live = await store.GetVersionsAsync(subject, includeDeleted: false, token).ConfigureAwait(false);
        IReadOnlyList<StoredVersion> against = live;
        var checkedLevel = level;
        if (selector is { } one)
        {
            // Checking one named version applies the level's direction to that version alone.
            checkedLevel = NonTransitive(level);
            if (one.IsLatest)
            {
                against = live.Count > 0 ? [live[^1]] : [];
            }
            else
            {
                var version = one.Semver is { } semver
                    ? live.LastOrDefault(v => v.Semver == semver.ToString())
                    : live.FirstOrDefault(v => v.Version == one.Number);
                against = version is null ? throw SubjectQueries.VersionNotFound(one) : [version];
            }
        }
        var previous = await ParseAllAsync(against, token).ConfigureAwait(false);
        using var activity = Observability.RegistryTelemetry.Activities.StartActivity("compatibility.check");
        var report = CompatibilityChecker.Check(checkedLevel, parsed, previous);
        activity?.SetTag("registry.subject", subject).SetTag("registry.compatible", report.IsCompatible);
        telemetry.CompatibilityChecked(report.IsCompatible);
        return new CompatibilityCheck(report, level, CompatibilityMessages.Describe(level, report, against));
    }

    /// <summary>The native check: full diff against the latest live version, verdict at every level, proposed semver.</summary>
    public async ValueTask<CompatibilityAnalysis> AnalyzeAsync(string subject, CandidateSchema candidate, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var effective = await config.GetEffectiveAsync(subject, token).ConfigureAwait(false);
        var level = effective.Level ?? CompatibilityLevel.Backward;
        var parsed = await ParseAsync(candidate, effective, token).ConfigureAwait(false);
        var live = await store.GetVersionsAsync(subject, includeDeleted: false, token).ConfigureAwait(false);
        var previous = await ParseAllAsync(live, token).ConfigureAwait(false);
        using var activity = Observability.RegistryTelemetry.Activities.StartActivity("compatibility.check");
        var report = CompatibilityChecker.Check(level, parsed, previous, out var latestChanges);
        activity?.SetTag("registry.subject", subject).SetTag("registry.compatible", report.IsCompatible);
        telemetry.CompatibilityChecked(report.IsCompatible);
        var verdicts = CompatibilityChecker.VerdictPerLevel(parsed, previous);
        if (previous.Count == 0)
            return new CompatibilityAnalysis(level, report, verdicts, [], null, SemanticVersion.Initial.ToString());
        var latest = previous[^1];
        var changes = latestChanges ?? RegistrationService.Diff(parsed, latest.Schema);
        // A schema the subject already has would not be registered again: it keeps its version's semver.
        if (SubjectQueries.FindSameSchema(live, parsed) is { } existing)
            return new CompatibilityAnalysis(level, report, verdicts, changes, latest.Version, existing.Semver);
        SemanticVersion? latestSemver = SemanticVersion.TryParse(live[^1].Semver, out var s) ? s : null;
        return new CompatibilityAnalysis(level, report, verdicts, changes, latest.Version, SemverPolicy.Propose(latestSemver, changes).ToString());
    }

    /// <summary>The diff between two registered versions of (possibly different) subjects.</summary>
    public async ValueTask<VersionDiff> DiffAsync(string fromSubject, VersionSelector from, string toSubject, VersionSelector to, CancellationToken token)
    {
        var older = await queries.GetVersionAsync(fromSubject, from, includeDeleted: true, token).ConfigureAwait(false);
        var newer = await queries.GetVersionAsync(toSubject, to, includeDeleted: true, token).ConfigureAwait(false);
        var a = await loader.GetParsedAsync(older.Schema, token).ConfigureAwait(false);
        var b = await loader.GetParsedAsync(newer.Schema, token).ConfigureAwait(false);
        var changes = RegistrationService.Diff(b, a);
        return new VersionDiff(older, newer, changes, SemverPolicy.RequiredBump(changes),
            CompatibilityChecker.IsBackwardCompatible(b, a), CompatibilityChecker.IsBackwardCompatible(a, b));
    }

    private async ValueTask<IParsedSchema> ParseAsync(CandidateSchema candidate, SubjectConfig effective, CancellationToken token)
    {
        var pinned = await references.PinAsync(candidate.References, token).ConfigureAwait(false);
        return await loader.ParseAsync(candidate.SchemaType, candidate.Schema, pinned, candidate.Normalize || (effective.Normalize ?? false), token).ConfigureAwait(false);
    }

    private async ValueTask<List<VersionedSchema>> ParseAllAsync(IReadOnlyList<StoredVersion> versions, CancellationToken token)
    {
        var parsed = new List<VersionedSchema>(versions.Count);
        foreach (var version in versions)
            parsed.Add(new VersionedSchema(version.Version, await loader.GetParsedAsync(version.Schema, token).ConfigureAwait(false)));
        return parsed;
    }

    private static CompatibilityLevel NonTransitive(CompatibilityLevel level) => level switch
    {
        CompatibilityLevel.BackwardTransitive => CompatibilityLevel.Backward,
        CompatibilityLevel.ForwardTransitive => CompatibilityLevel.Forward,
        CompatibilityLevel.FullTransitive => CompatibilityLevel.Full,
        _ => level,
    };
}
