using System.Text;
using System.Text.RegularExpressions;

namespace SchemaRegistry.Formats.JsonSchema.Support;

/// <summary>
/// JSON Schema patterns are ECMA 262 regular expressions; .NET's ECMAScript mode accepts most of them but names
/// Unicode general categories only by their short aliases (<c>\p{L}</c>), while ECMA 262 also allows the long ones
/// (<c>\p{Letter}</c>, <c>\p{gc=Letter}</c>). This rewrites those into the .NET spelling; anything else is kept.
/// </summary>
internal static class EcmaRegex
{
    private static readonly Dictionary<string, string> GeneralCategories = new(StringComparer.Ordinal)
    {
        ["Letter"] = "L", ["Uppercase_Letter"] = "Lu", ["Lowercase_Letter"] = "Ll", ["Titlecase_Letter"] = "Lt",
        ["Modifier_Letter"] = "Lm", ["Other_Letter"] = "Lo", ["Mark"] = "M", ["Combining_Mark"] = "M",
        ["Nonspacing_Mark"] = "Mn", ["Spacing_Mark"] = "Mc", ["Enclosing_Mark"] = "Me", ["Number"] = "N",
        ["Decimal_Number"] = "Nd", ["digit"] = "Nd", ["Letter_Number"] = "Nl", ["Other_Number"] = "No",
        ["Punctuation"] = "P", ["punct"] = "P", ["Connector_Punctuation"] = "Pc", ["Dash_Punctuation"] = "Pd",
        ["Open_Punctuation"] = "Ps", ["Close_Punctuation"] = "Pe", ["Initial_Punctuation"] = "Pi",
        ["Final_Punctuation"] = "Pf", ["Other_Punctuation"] = "Po", ["Symbol"] = "S", ["Math_Symbol"] = "Sm",
        ["Currency_Symbol"] = "Sc", ["Modifier_Symbol"] = "Sk", ["Other_Symbol"] = "So", ["Separator"] = "Z",
        ["Space_Separator"] = "Zs", ["Line_Separator"] = "Zl", ["Paragraph_Separator"] = "Zp", ["Other"] = "C",
        ["Control"] = "Cc", ["cntrl"] = "Cc", ["Format"] = "Cf", ["Surrogate"] = "Cs", ["Private_Use"] = "Co",
        ["Unassigned"] = "Cn",
    };

    /// <summary>The pattern in .NET spelling (the same string when nothing needed rewriting).</summary>
    public static string ToDotNet(string pattern)
    {
        if (!pattern.Contains("\\p{", StringComparison.Ordinal) && !pattern.Contains("\\P{", StringComparison.Ordinal)) return pattern;
        var builder = new StringBuilder(pattern.Length);
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c != '\\' || i + 1 >= pattern.Length)
            {
                builder.Append(c);
                continue;
            }
            var next = pattern[i + 1];
            var close = pattern.IndexOf('}', i + 2);
            if (next is 'p' or 'P' && i + 2 < pattern.Length && pattern[i + 2] == '{' && close > 0)
            {
                var name = pattern[(i + 3)..close];
                var equals = name.IndexOf('=', StringComparison.Ordinal);
                if (equals >= 0 && name[..equals] is "General_Category" or "gc") name = name[(equals + 1)..];
                builder.Append('\\').Append(next).Append('{').Append(GeneralCategories.GetValueOrDefault(name, name)).Append('}');
                i = close;
                continue;
            }
            // Any other escape is copied whole, so an escaped backslash is never read as the start of \p.
            builder.Append(c).Append(next);
            i++;
        }
        return builder.ToString();
    }

    /// <summary>Builds the .NET regex of a JSON Schema pattern (ECMAScript semantics).</summary>
    public static Regex Create(string pattern, RegexOptions extra, TimeSpan matchTimeout) =>
        new(ToDotNet(pattern), RegexOptions.ECMAScript | extra, matchTimeout);
}
