using System.Text;

namespace SchemaRegistry.Storage.Sqlite.Internal;

/// <summary>
/// Turns a subject prefix into a half-open range [prefix, upper) so the b-tree on subject is seeked, not scanned.
/// SQLite's BINARY collation compares UTF-8 bytes, which is code-point order: every string starting with the prefix
/// is below the prefix with its last code point incremented.
/// </summary>
internal static class SubjectPrefix
{
    /// <summary>The exclusive upper bound, or null when there is none (the prefix is all U+10FFFF).</summary>
    public static string? UpperBound(string prefix)
    {
        var runes = new List<Rune>(prefix.Length);
        foreach (var rune in prefix.EnumerateRunes()) runes.Add(rune);
        while (runes.Count > 0)
        {
            var last = runes[^1].Value;
            runes.RemoveAt(runes.Count - 1);
            if (last == 0x10FFFF) continue;
            var next = last + 1;
            if (next is >= 0xD800 and <= 0xDFFF) next = 0xE000;
            runes.Add(new Rune(next));
            var builder = new StringBuilder(prefix.Length + 1);
            foreach (var rune in runes) builder.Append(rune.ToString());
            return builder.ToString();
        }
        return null;
    }
}
