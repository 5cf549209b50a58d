using SchemaRegistry.Core.Formats;

namespace SchemaRegistry.Core.Versions;

/// <summary>
/// Turns a diff into a semver bump, and checks an explicit semver against it: major for a breaking change, minor for a
/// compatible structural change, patch otherwise.
/// </summary>
public static class SemverPolicy
{
    /// <summary>The bump the diff calls for.</summary>
    public static VersionBump RequiredBump(IReadOnlyList<SchemaChange> diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        var bump = VersionBump.Patch;
        foreach (var change in diff)
        {
            if (change.Impact == ChangeImpact.Breaking) return VersionBump.Major;
            if (change.Impact == ChangeImpact.Compatible) bump = VersionBump.Minor;
        }
        return bump;
    }

    /// <summary>The version proposed for a schema that follows <paramref name="previous"/> with this diff.</summary>
    public static SemanticVersion Propose(SemanticVersion? previous, IReadOnlyList<SchemaChange> diff) =>
        previous is { } p ? p.Bump(RequiredBump(diff)) : SemanticVersion.Initial;

    /// <summary>
    /// Checks an explicit version: it must be greater than the previous one and move at least as much as the diff
    /// requires. Returns null when it is acceptable, else a message that says what to fix.
    /// </summary>
    public static string? Contradiction(SemanticVersion requested, SemanticVersion? previous, IReadOnlyList<SchemaChange> diff)
    {
        if (previous is not { } p) return null;
        if (requested <= p)
            return $"Semantic version {requested} must be greater than the latest version's {p}.";
        var required = RequiredBump(diff);
        var moved = requested.Major > p.Major ? VersionBump.Major
            : requested.Minor > p.Minor ? VersionBump.Minor
            : VersionBump.Patch;
        if (moved >= required) return null;
        var reason = required == VersionBump.Major
            ? "the schema has breaking changes (" + string.Join(", ", diff.Where(c => c.Impact == ChangeImpact.Breaking).Select(c => c.Kind).Distinct().Take(5)) + ")"
            : "the schema has compatible additions (" + string.Join(", ", diff.Where(c => c.Impact == ChangeImpact.Compatible).Select(c => c.Kind).Distinct().Take(5)) + ")";
        return $"Semantic version {requested} contradicts the diff: {reason}, so at least {p.Bump(required)} is required.";
    }
}
