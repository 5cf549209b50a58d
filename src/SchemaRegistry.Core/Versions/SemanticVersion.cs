using System.Globalization;

namespace SchemaRegistry.Core.Versions;

/// <summary>
/// A semantic version (semver 2.0.0): MAJOR.MINOR.PATCH with an optional pre-release; build metadata is accepted and
/// ignored, so it takes no part in equality or order. A pre-release sorts before its release.
/// </summary>
public readonly record struct SemanticVersion : IComparable<SemanticVersion>
{
    /// <summary>Builds a version; the parts must not be negative.</summary>
    public SemanticVersion(int major, int minor, int patch, string? prerelease = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(major);
        ArgumentOutOfRangeException.ThrowIfNegative(minor);
        ArgumentOutOfRangeException.ThrowIfNegative(patch);
        Major = major;
        Minor = minor;
        Patch = patch;
        Prerelease = string.IsNullOrEmpty(prerelease) ? null : prerelease;
    }

    /// <summary>The first version of a subject: 1.0.0.</summary>
    public static SemanticVersion Initial { get; } = new(1, 0, 0);

    /// <summary>Incremented for changes that break readers.</summary>
    public int Major { get; }
    /// <summary>Incremented for compatible additions.</summary>
    public int Minor { get; }
    /// <summary>Incremented for everything else.</summary>
    public int Patch { get; }
    /// <summary>The pre-release label (<c>rc.1</c>), or null.</summary>
    public string? Prerelease { get; }

    /// <summary>Parses <c>1.4.0</c>, <c>2.0.0-rc.1</c>, <c>1.0.0+build.5</c> (a leading <c>v</c> is accepted).</summary>
    public static bool TryParse(string? text, out SemanticVersion version)
    {
        version = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var span = text.AsSpan().Trim();
        if (span.Length > 0 && (span[0] == 'v' || span[0] == 'V')) span = span[1..];
        var plus = span.IndexOf('+');
        if (plus >= 0)
        {
            if (!IsDotSeparatedIdentifiers(span[(plus + 1)..], allowLeadingZeros: true)) return false;
            span = span[..plus];
        }
        string? prerelease = null;
        var dash = span.IndexOf('-');
        if (dash >= 0)
        {
            var pre = span[(dash + 1)..];
            if (!IsDotSeparatedIdentifiers(pre, allowLeadingZeros: false)) return false;
            prerelease = pre.ToString();
            span = span[..dash];
        }
        Span<Range> parts = stackalloc Range[4];
        if (span.Split(parts, '.') != 3) return false;
        if (!TryParseNumber(span[parts[0]], out var major) || !TryParseNumber(span[parts[1]], out var minor) || !TryParseNumber(span[parts[2]], out var patch))
            return false;
        version = new SemanticVersion(major, minor, patch, prerelease);
        return true;
    }

    /// <summary>Parses or throws <see cref="FormatException"/>.</summary>
    public static SemanticVersion Parse(string text) =>
        TryParse(text, out var version) ? version : throw new FormatException($"'{text}' is not a semantic version (MAJOR.MINOR.PATCH).");

    /// <summary>The next version after a change of the given size: major resets minor and patch, minor resets patch.</summary>
    public SemanticVersion Bump(VersionBump bump) => bump switch
    {
        VersionBump.Major => new SemanticVersion(Major + 1, 0, 0),
        VersionBump.Minor => new SemanticVersion(Major, Minor + 1, 0),
        _ => new SemanticVersion(Major, Minor, Patch + 1),
    };

    /// <inheritdoc />
    public int CompareTo(SemanticVersion other)
    {
        var c = Major.CompareTo(other.Major);
        if (c == 0) c = Minor.CompareTo(other.Minor);
        if (c == 0) c = Patch.CompareTo(other.Patch);
        if (c != 0) return c;
        if (Prerelease is null) return other.Prerelease is null ? 0 : 1;
        if (other.Prerelease is null) return -1;
        return ComparePrerelease(Prerelease, other.Prerelease);
    }

    /// <summary>Order operators.</summary>
    public static bool operator <(SemanticVersion left, SemanticVersion right) => left.CompareTo(right) < 0;
    /// <summary>Order operators.</summary>
    public static bool operator >(SemanticVersion left, SemanticVersion right) => left.CompareTo(right) > 0;
    /// <summary>Order operators.</summary>
    public static bool operator <=(SemanticVersion left, SemanticVersion right) => left.CompareTo(right) <= 0;
    /// <summary>Order operators.</summary>
    public static bool operator >=(SemanticVersion left, SemanticVersion right) => left.CompareTo(right) >= 0;

    /// <inheritdoc />
    public override string ToString() =>
        Prerelease is null
            ? string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}.{Patch}")
            : string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}.{Patch}-{Prerelease}");

    private static int ComparePrerelease(string left, string right)
    {
        var a = left.Split('.');
        var b = right.Split('.');
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var aNumeric = int.TryParse(a[i], NumberStyles.None, CultureInfo.InvariantCulture, out var an);
            var bNumeric = int.TryParse(b[i], NumberStyles.None, CultureInfo.InvariantCulture, out var bn);
            var c = (aNumeric, bNumeric) switch
            {
                (true, true) => an.CompareTo(bn),
                (true, false) => -1, // numeric identifiers sort before alphanumeric ones
                (false, true) => 1,
                _ => string.CompareOrdinal(a[i], b[i]),
            };
            if (c != 0) return c;
        }
        return a.Length.CompareTo(b.Length);
    }

    private static bool TryParseNumber(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        if (text.Length == 0 || (text.Length > 1 && text[0] == '0')) return false;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    private static bool IsDotSeparatedIdentifiers(ReadOnlySpan<char> text, bool allowLeadingZeros)
    {
        if (text.IsEmpty) return false;
        foreach (var range in text.Split('.'))
        {
            var id = text[range];
            if (id.IsEmpty) return false;
            var numeric = true;
            foreach (var ch in id)
            {
                if (!char.IsAsciiLetterOrDigit(ch) && ch != '-') return false;
                numeric &= char.IsAsciiDigit(ch);
            }
            if (numeric && !allowLeadingZeros && id.Length > 1 && id[0] == '0') return false;
        }
        return true;
    }
}

/// <summary>How much a version moves.</summary>
public enum VersionBump
{
    /// <summary>No structural change.</summary>
    Patch,
    /// <summary>A compatible addition.</summary>
    Minor,
    /// <summary>A change that breaks readers.</summary>
    Major,
}
