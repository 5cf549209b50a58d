using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using SchemaRegistry.Formats.JsonSchema.Validation.Compiled;

namespace SchemaRegistry.Formats.JsonSchema.Tests.Validation.Compiled;

/// <summary>
/// <see cref="SimplePattern"/> must answer exactly as the ECMAScript regex does whenever it answers: checked on every
/// pattern of the subset against strings built from the pattern's own characters, their neighbours, non-ASCII text,
/// escapes and every length around the counts.
/// </summary>
public sealed class SimplePatternTests
{
    private static readonly string[] Patterns =
    [
        "^[a-z0-9][a-z0-9._-]{1,63}$", "^[a-z0-9][a-z0-9-]{0,31}$", "^doc_[a-z0-9]{8}$", "^[A-Z]{2}$", "^\\d{3}-\\d{4}$",
        "^\\w+$", "^[a-f0-9]*$", "^a?b+c*$", "^[-a]{2,}$", "^[a-]{1,3}x$", "^v\\d+\\.\\d+\\.\\d+$", "^$", "^[a-z]*[a-z]{2}$",
        "^x{0}y$", "^[ -~]{0,5}$", "^a?a$", "^[ab]*b{1,2}$", "^#[0-9A-Fa-f]{6}$", "^\\/[a-z]+$",
    ];

    private static readonly string[] Unsupported =
    [
        "abc", "^abc", "abc$", "^a|b$", "^(ab)+$", "^[^a]$", "^.$", "^a{2,1}$", "^a+?$", "^\\s$", "^\\bx$", "^[\\b]$",
        "^a{x}$", "^\\p{L}$", "^a\\$", "^[a-\\d]$",
    ];

    [Fact]
    public void Every_answer_is_the_regexs()
    {
        var checkedCount = 0;
        foreach (var pattern in Patterns)
        {
            var simple = SimplePattern.TryCreate(pattern).ShouldNotBeNull(pattern);
            var regex = new Regex(pattern, RegexOptions.ECMAScript);
            foreach (var value in Samples(pattern))
            {
                var raw = RawJsonString(value);
                var answer = simple.Matches(raw);
                if (answer is null)
                {
                    // Only escapes and long strings are left to the regex.
                    (raw.AsSpan().IndexOf((byte)'\\') >= 0 || raw.Length > SimplePattern.MaxBytes).ShouldBeTrue($"{pattern} undecided on \"{value}\"");
                    continue;
                }
                answer.Value.ShouldBe(regex.IsMatch(value), $"{pattern} on \"{value}\"");
                checkedCount++;
            }
        }
        checkedCount.ShouldBeGreaterThan(2000);
    }

    [Fact]
    public void Patterns_outside_the_subset_are_left_to_the_regex()
    {
        foreach (var pattern in Unsupported) SimplePattern.TryCreate(pattern).ShouldBeNull(pattern);
    }

    [Theory]
    [InlineData("""{"type": "string", "pattern": "^doc_[a-z0-9]{8}$"}""", "\"doc_bill0001\"", true)]
    [InlineData("""{"type": "string", "pattern": "^doc_[a-z0-9]{8}$"}""", "\"doc_bill000\"", false)]
    [InlineData("""{"type": "string", "pattern": "^doc_[a-z0-9]{8}$"}""", "\"doc_bill000\\u0031\"", true)]
    [InlineData("""{"type": "string", "pattern": "^[a-z]{2}$"}""", "\"é\"", false)]
    public void The_validator_gives_the_same_verdict_either_way(string schema, string document, bool valid) =>
        Support.Schemas.Validate(schema, document).IsValid.ShouldBe(valid);

    /// <summary>The string as it sits between the quotes of a JSON document.</summary>
    private static byte[] RawJsonString(string value)
    {
        var json = JsonSerializer.Serialize(value, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        return Encoding.UTF8.GetBytes(json[1..^1]);
    }

    private static IEnumerable<string> Samples(string pattern)
    {
        var alphabet = new HashSet<char>("aAzZ09-_.x/ #\"\\é\n中".ToCharArray());
        foreach (var c in pattern) alphabet.Add(c);
        foreach (var c in pattern) { alphabet.Add((char)(c + 1)); alphabet.Add((char)(c - 1)); }
        var chars = alphabet.Where(c => c >= ' ' || c == '\n').ToArray();
        var random = new Random(pattern.GetHashCode(StringComparison.Ordinal) & 0x7fffffff);
        yield return "";
        foreach (var c in chars) yield return c.ToString();
        for (var n = 0; n < 400; n++)
        {
            var length = random.Next(0, 70);
            var builder = new StringBuilder(length);
            for (var i = 0; i < length; i++) builder.Append(chars[random.Next(chars.Length)]);
            yield return builder.ToString();
        }
        // Near-matches: valid-looking strings of every length.
        foreach (var seed in (string[])["doc_bill0001", "abc", "a1", "ab-c.d_e", "123-4567", "v1.2.3", "#a0B1c2", "/path", "aa", "xy", "-a-a"])
        {
            for (var length = 0; length <= 70; length += 1)
            {
                var builder = new StringBuilder();
                while (builder.Length < length) builder.Append(seed);
                yield return builder.ToString(0, length);
            }
        }
        yield return new string('a', SimplePattern.MaxBytes + 1);
    }
}

/// <summary>A format proven on the raw text must pass the decoded check too.</summary>
public sealed class RawFormatProofTests
{
    [Fact]
    public void A_uuid_proven_raw_is_a_uuid()
    {
        var uuid = FormatChecker.For("uuid")!;
        var random = new Random(7);
        const string alphabet = "0123456789abcdefABCDEFgG-{} ";
        var proven = 0;
        foreach (var seed in (string[])["3f1c2a9e-7b4d-4e8a-9c51-2d6f0b8e4a17", "3F1C2A9E-7B4D-4E8A-9C51-2D6F0B8E4A17"])
        {
            for (var n = 0; n < 20000; n++)
            {
                var chars = seed.ToCharArray();
                for (var k = random.Next(0, 3); k > 0; k--) chars[random.Next(chars.Length)] = alphabet[random.Next(alphabet.Length)];
                var value = new string(chars);
                if (!uuid.ProvesRaw(System.Text.Encoding.UTF8.GetBytes(value))) continue;
                proven++;
                uuid.Check(value).ShouldBeTrue(value);
            }
        }
        proven.ShouldBeGreaterThan(1000);
        uuid.ProvesRaw("3f1c2a9e7b4d-4e8a-9c51-2d6f0b8e4a17-"u8).ShouldBeFalse();
    }
}
