using SchemaRegistry.Core.Formats;

namespace SchemaRegistry.Core.Compatibility;

/// <summary>
/// The seven levels, implemented once on top of one question a format answers through its diff: "can a reader using
/// the new schema read data written with the old one?" (BACKWARD). FORWARD asks it with the arguments swapped, FULL
/// asks both, the transitive levels ask it of every earlier version instead of only the latest.
/// </summary>
public static class CompatibilityChecker
{
    /// <summary>
    /// Every change from <paramref name="writer"/> to <paramref name="reader"/>: the format's diff, or
    /// <c>SCHEMA_TYPE_CHANGED</c> alone when the formats differ.
    /// </summary>
    public static IReadOnlyList<SchemaChange> Changes(IParsedSchema reader, IParsedSchema writer)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(writer);
        if (!string.Equals(reader.SchemaType, writer.SchemaType, StringComparison.OrdinalIgnoreCase))
        {
            return [new SchemaChange(CommonChangeKinds.SchemaTypeChanged, "", $"The schema type changed from {writer.SchemaType} to {reader.SchemaType}.", ChangeImpact.Breaking)];
        }
        return reader.DiffFrom(writer);
    }

    /// <summary>The changes from <paramref name="writer"/> to <paramref name="reader"/> that break a reader using <paramref name="reader"/>.</summary>
    public static IReadOnlyList<SchemaChange> BreakingChanges(IParsedSchema reader, IParsedSchema writer)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(writer);
        return string.Equals(reader.SchemaType, writer.SchemaType, StringComparison.OrdinalIgnoreCase)
            ? reader.BreakingChangesFrom(writer)
            : Changes(reader, writer);
    }

    internal static List<SchemaChange> Breaking(IReadOnlyList<SchemaChange> changes)
    {
        var breaking = new List<SchemaChange>();
        foreach (var change in changes)
        {
            if (change.Impact == ChangeImpact.Breaking) breaking.Add(change);
        }
        return breaking;
    }

    /// <summary>True when a reader using <paramref name="reader"/> reads everything written with <paramref name="writer"/>.</summary>
    public static bool IsBackwardCompatible(IParsedSchema reader, IParsedSchema writer) => BreakingChanges(reader, writer).Count == 0;

    /// <summary>
    /// Checks <paramref name="candidate"/> against earlier versions at <paramref name="level"/>.
    /// </summary>
    /// <param name="level">The level to enforce.</param>
    /// <param name="candidate">The schema about to be registered.</param>
    /// <param name="previous">Earlier live versions of the subject, oldest first; the last one is the latest.</param>
    public static CompatibilityReport Check(CompatibilityLevel level, IParsedSchema candidate, IReadOnlyList<VersionedSchema> previous) =>
        Check(level, candidate, previous, out _);

    /// <summary>
    /// Checks <paramref name="candidate"/> against earlier versions at <paramref name="level"/>, and hands back the
    /// candidate's full diff from the latest version when the level computed it (every level that checks BACKWARD), so
    /// a caller that needs that diff too (the semver proposal of a registration) does not diff a second time.
    /// </summary>
    /// <param name="level">The level to enforce.</param>
    /// <param name="candidate">The schema about to be registered.</param>
    /// <param name="previous">Earlier live versions of the subject, oldest first; the last one is the latest.</param>
    /// <param name="latestChanges">
    /// <c>Changes(candidate, latest)</c> when the check computed it, otherwise null (NONE and FORWARD levels, or no
    /// earlier version).
    /// </param>
    public static CompatibilityReport Check(CompatibilityLevel level, IParsedSchema candidate, IReadOnlyList<VersionedSchema> previous,
        out IReadOnlyList<SchemaChange>? latestChanges)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(previous);
        latestChanges = null;
        if (level == CompatibilityLevel.None || previous.Count == 0) return CompatibilityReport.Compatible;

        var against = level.IsTransitive() ? previous : [previous[^1]];
        var violations = new List<CompatibilityViolation>();
        // Newest first, as Confluent reports them.
        for (var i = against.Count - 1; i >= 0; i--)
        {
            var old = against[i];
            if (level.ChecksBackward())
            {
                // The latest version's full diff is handed back (the semver reads it); the others only need their
                // breaking changes, which the memo keeps per pair of parsed schemas.
                IReadOnlyList<SchemaChange> breaking;
                if (i == against.Count - 1)
                {
                    latestChanges = Changes(candidate, old.Schema);
                    var latestBreaking = Breaking(latestChanges);
                    BreakingChangeMemo.Remember(candidate, old.Schema, latestBreaking);
                    breaking = latestBreaking;
                }
                else
                {
                    breaking = BreakingChangeMemo.Get(candidate, old.Schema);
                }
                foreach (var change in breaking)
                    violations.Add(new CompatibilityViolation(old.Version, CompatibilityDirection.Backward, change));
            }
            if (level.ChecksForward())
            {
                foreach (var change in BreakingChangeMemo.Get(old.Schema, candidate))
                    violations.Add(new CompatibilityViolation(old.Version, CompatibilityDirection.Forward, change));
            }
        }
        return violations.Count == 0 ? CompatibilityReport.Compatible : new CompatibilityReport(false, violations);
    }

    /// <summary>The verdict at every level at once, for reports that show the whole matrix.</summary>
    public static IReadOnlyDictionary<CompatibilityLevel, bool> VerdictPerLevel(IParsedSchema candidate, IReadOnlyList<VersionedSchema> previous)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(previous);
        // Compute each pairwise direction once; every level is a combination of them.
        var backward = previous.Select(p => IsBackwardCompatible(candidate, p.Schema)).ToArray();
        var forward = previous.Select(p => IsBackwardCompatible(p.Schema, candidate)).ToArray();
        bool Latest(bool[] verdicts) => verdicts.Length == 0 || verdicts[^1];
        bool All(bool[] verdicts) => verdicts.All(v => v);
        return new Dictionary<CompatibilityLevel, bool>
        {
            [CompatibilityLevel.None] = true,
            [CompatibilityLevel.Backward] = Latest(backward),
            [CompatibilityLevel.BackwardTransitive] = All(backward),
            [CompatibilityLevel.Forward] = Latest(forward),
            [CompatibilityLevel.ForwardTransitive] = All(forward),
            [CompatibilityLevel.Full] = Latest(backward) && Latest(forward),
            [CompatibilityLevel.FullTransitive] = All(backward) && All(forward),
        };
    }
}

/// <summary>A parsed schema with its version number in a subject.</summary>
/// <param name="Version">The version number.</param>
/// <param name="Schema">The parsed schema.</param>
public sealed record VersionedSchema(int Version, IParsedSchema Schema);

/// <summary>Which way a compatibility check read the data.</summary>
public enum CompatibilityDirection
{
    /// <summary>The new schema reading data written with an old one.</summary>
    Backward,
    /// <summary>An old schema reading data written with the new one.</summary>
    Forward,
}

/// <summary>One reason a schema is incompatible with an earlier version.</summary>
/// <param name="AgainstVersion">The earlier version it was checked against.</param>
/// <param name="Direction">Which way the data flowed.</param>
/// <param name="Change">The breaking change.</param>
public sealed record CompatibilityViolation(int AgainstVersion, CompatibilityDirection Direction, SchemaChange Change)
{
    /// <summary>A one-line message in the spirit of Confluent's verbose compatibility output.</summary>
    public string Describe() => Direction == CompatibilityDirection.Backward
        ? $"{Change.Kind} at '{Change.Path}': {Change.Message} (the new schema cannot read data written with version {AgainstVersion})"
        : $"{Change.Kind} at '{Change.Path}': {Change.Message} (version {AgainstVersion} cannot read data written with the new schema)";
}

/// <summary>The verdict of a compatibility check, with every violation.</summary>
/// <param name="IsCompatible">True when nothing breaks.</param>
/// <param name="Violations">Every breaking change found, newest version first.</param>
public sealed record CompatibilityReport(bool IsCompatible, IReadOnlyList<CompatibilityViolation> Violations)
{
    /// <summary>The shared compatible verdict.</summary>
    public static CompatibilityReport Compatible { get; } = new(true, []);
}
