namespace SchemaRegistry.Core.Compatibility;

/// <summary>Confluent's seven compatibility levels.</summary>
public enum CompatibilityLevel
{
    /// <summary>No check.</summary>
    None,
    /// <summary>The new schema reads data written with the latest one.</summary>
    Backward,
    /// <summary>The new schema reads data written with every earlier one.</summary>
    BackwardTransitive,
    /// <summary>The latest schema reads data written with the new one.</summary>
    Forward,
    /// <summary>Every earlier schema reads data written with the new one.</summary>
    ForwardTransitive,
    /// <summary>Backward and forward against the latest.</summary>
    Full,
    /// <summary>Backward and forward against every earlier one.</summary>
    FullTransitive,
}

/// <summary>Wire names of <see cref="CompatibilityLevel"/> (<c>BACKWARD_TRANSITIVE</c>...).</summary>
public static class CompatibilityLevels
{
    /// <summary>Every level, in declaration order.</summary>
    public static IReadOnlyList<CompatibilityLevel> All { get; } = Enum.GetValues<CompatibilityLevel>();

    /// <summary>The wire name, e.g. <c>FULL_TRANSITIVE</c>.</summary>
    public static string ToWire(this CompatibilityLevel level) => level switch
    {
        CompatibilityLevel.None => "NONE",
        CompatibilityLevel.Backward => "BACKWARD",
        CompatibilityLevel.BackwardTransitive => "BACKWARD_TRANSITIVE",
        CompatibilityLevel.Forward => "FORWARD",
        CompatibilityLevel.ForwardTransitive => "FORWARD_TRANSITIVE",
        CompatibilityLevel.Full => "FULL",
        CompatibilityLevel.FullTransitive => "FULL_TRANSITIVE",
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    /// <summary>Parses a wire name, case-insensitively.</summary>
    public static bool TryParse(string? text, out CompatibilityLevel level)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.ToWire(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                level = candidate;
                return true;
            }
        }
        level = default;
        return false;
    }

    /// <summary>True for the levels that check the new schema as a reader of the old data.</summary>
    public static bool ChecksBackward(this CompatibilityLevel level) =>
        level is CompatibilityLevel.Backward or CompatibilityLevel.BackwardTransitive or CompatibilityLevel.Full or CompatibilityLevel.FullTransitive;

    /// <summary>True for the levels that check the old schemas as readers of the new data.</summary>
    public static bool ChecksForward(this CompatibilityLevel level) =>
        level is CompatibilityLevel.Forward or CompatibilityLevel.ForwardTransitive or CompatibilityLevel.Full or CompatibilityLevel.FullTransitive;

    /// <summary>True for the levels that check every earlier version, not only the latest.</summary>
    public static bool IsTransitive(this CompatibilityLevel level) =>
        level is CompatibilityLevel.BackwardTransitive or CompatibilityLevel.ForwardTransitive or CompatibilityLevel.FullTransitive;
}
