namespace SchemaRegistry.Formats.JsonSchema.Model;

/// <summary>
/// A cheap proof that two regular expressions match no common string: both anchored at the start (<c>^</c>) with
/// literal prefixes neither of which starts the other (<c>^S_</c> and <c>^I_</c>). Anything else may overlap.
/// </summary>
internal static class PatternOverlap
{
    private const string Special = "\\.[](){}*+?|^$";

    /// <summary>True when no string can match both patterns.</summary>
    public static bool AreDisjoint(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0 || a[0] != '^' || b[0] != '^') return false;
        var prefixA = LiteralPrefix(a);
        var prefixB = LiteralPrefix(b);
        return !prefixA.StartsWith(prefixB, StringComparison.Ordinal) && !prefixB.StartsWith(prefixA, StringComparison.Ordinal);
    }

    private static string LiteralPrefix(string pattern)
    {
        var end = 1;
        while (end < pattern.Length && !Special.Contains(pattern[end], StringComparison.Ordinal)) end++;
        // A quantifier right after the prefix applies to its last character, which is then not guaranteed.
        if (end < pattern.Length && pattern[end] is '*' or '?' or '{' && end > 1) end--;
        return pattern[1..end];
    }
}
