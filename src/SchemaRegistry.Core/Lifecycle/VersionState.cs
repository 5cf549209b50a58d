namespace SchemaRegistry.Core.Lifecycle;

/// <summary>The life cycle state of a version: DRAFT -> ACTIVE -> DEPRECATED -> ARCHIVED.</summary>
public enum VersionState
{
    /// <summary>Registered for review; not yet meant for production traffic.</summary>
    Draft,
    /// <summary>In use.</summary>
    Active,
    /// <summary>Still served, with a sunset date after which it will be archived.</summary>
    Deprecated,
    /// <summary>Retired: kept for history and for reading old data.</summary>
    Archived,
}

/// <summary>The allowed moves between <see cref="VersionState"/>s, and their wire names.</summary>
public static class VersionStates
{
    /// <summary>How long a deprecation lasts when no sunset date is given (the original design's default).</summary>
    public static readonly TimeSpan DefaultSunset = TimeSpan.FromDays(90);

    /// <summary>The wire name: <c>DRAFT</c>, <c>ACTIVE</c>, <c>DEPRECATED</c>, <c>ARCHIVED</c>.</summary>
    public static string ToWire(this VersionState state) => state switch
    {
        VersionState.Draft => "DRAFT",
        VersionState.Active => "ACTIVE",
        VersionState.Deprecated => "DEPRECATED",
        VersionState.Archived => "ARCHIVED",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    /// <summary>Parses a wire name, case-insensitively.</summary>
    public static bool TryParse(string? text, out VersionState state)
    {
        foreach (var candidate in Enum.GetValues<VersionState>())
        {
            if (string.Equals(candidate.ToWire(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                state = candidate;
                return true;
            }
        }
        state = default;
        return false;
    }

    /// <summary>
    /// True when <paramref name="from"/> may move to <paramref name="to"/>. A draft is activated or abandoned
    /// (archived); an active version is deprecated; a deprecation may be withdrawn (back to active) or completed
    /// (archived). Archived is final, and nothing returns to draft.
    /// </summary>
    public static bool CanMove(VersionState from, VersionState to) => (from, to) switch
    {
        (VersionState.Draft, VersionState.Active) => true,
        (VersionState.Draft, VersionState.Archived) => true,
        (VersionState.Active, VersionState.Deprecated) => true,
        (VersionState.Deprecated, VersionState.Active) => true,
        (VersionState.Deprecated, VersionState.Archived) => true,
        (VersionState.Active, VersionState.Archived) => true,
        _ => false,
    };

    /// <summary>The states reachable from <paramref name="from"/>.</summary>
    public static IEnumerable<VersionState> NextStates(VersionState from) =>
        Enum.GetValues<VersionState>().Where(to => CanMove(from, to));
}
