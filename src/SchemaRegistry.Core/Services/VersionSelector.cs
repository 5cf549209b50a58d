using System.Globalization;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Versions;

namespace SchemaRegistry.Core.Services;

/// <summary>
/// How a request names a version: <c>latest</c> (or <c>-1</c>), a positive integer, or (native API) a semantic version
/// such as <c>1.4.0</c>.
/// </summary>
public readonly record struct VersionSelector
{
    private VersionSelector(int number, SemanticVersion? semver)
    {
        Number = number;
        Semver = semver;
    }

    /// <summary>The latest live version.</summary>
    public static VersionSelector Latest { get; } = new(-1, null);

    /// <summary>The integer version, or -1 for latest (or when <see cref="Semver"/> is set).</summary>
    public int Number { get; }

    /// <summary>The semantic version, when selected by one.</summary>
    public SemanticVersion? Semver { get; }

    /// <summary>True for <c>latest</c>.</summary>
    public bool IsLatest => Number == -1 && Semver is null;

    /// <summary>A specific integer version.</summary>
    public static VersionSelector Of(int number) =>
        number >= 1 ? new VersionSelector(number, null) : throw new ArgumentOutOfRangeException(nameof(number));

    /// <summary>
    /// Parses a path segment. Confluent accepts <c>latest</c>, <c>-1</c> and 1..2^31-1; with
    /// <paramref name="allowSemver"/> a semantic version is accepted too. Anything else is a 42202.
    /// </summary>
    public static VersionSelector Parse(string? text, bool allowSemver = false)
    {
        if (string.Equals(text, "latest", StringComparison.OrdinalIgnoreCase) || text == "-1") return Latest;
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            if (number >= 1) return new VersionSelector(number, null);
        }
        else if (allowSemver && SemanticVersion.TryParse(text, out var semver))
        {
            return new VersionSelector(-1, semver);
        }
        throw new RegistryException(ErrorCode.InvalidVersion,
            $"The specified version '{text}' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"" +
            (allowSemver ? ", or a semantic version such as 1.4.0." : "."));
    }

    /// <inheritdoc />
    public override string ToString() => IsLatest ? "latest" : Semver?.ToString() ?? Number.ToString(CultureInfo.InvariantCulture);
}
