using System.Text;
using SchemaRegistry.Formats.JsonSchema.Validation.Compiled;

namespace SchemaRegistry.Formats.JsonSchema.Tests.Validation.Compiled;

/// <summary>The name table of the compiled path: raw document text (escapes not decoded) against decoded keys.</summary>
public sealed class Utf8LookupTests
{
    private static ReadOnlySpan<byte> Raw(string jsonStringBody) => Encoding.UTF8.GetBytes(jsonStringBody);

    [Fact]
    public void Finds_plain_and_escaped_text_with_or_without_the_expected_position()
    {
        var lookup = new Utf8Lookup(["id", "created_at", "héllo", "a\nb"]);
        lookup.Find(Raw("id")).ShouldBe(0);
        lookup.Find(Raw("created_at"), expected: 1).ShouldBe(1);
        lookup.Find(Raw("created_at"), expected: 0).ShouldBe(1);
        lookup.Find(Raw("h\\u00e9llo"), expected: 2).ShouldBe(2);
        lookup.Find(Raw("a\\nb"), expected: 3).ShouldBe(3);
        lookup.Find(Raw("missing"), expected: 0).ShouldBe(-1);
        lookup.Find(Raw("id"), expected: 99).ShouldBe(0);
    }

    [Fact]
    public void A_key_with_a_literal_backslash_is_not_taken_for_the_escape_it_spells()
    {
        // The key is the four characters a, \, n, b; the document text a\nb is the three characters a, newline, b.
        var lookup = new Utf8Lookup(["a\\nb", "other"]);
        lookup.Find(Raw("a\\nb"), expected: 0).ShouldBe(-1);
        lookup.Find(Raw("a\\\\nb"), expected: 0).ShouldBe(0);
    }

    [Fact]
    public void Keys_the_quick_hash_cannot_separate_are_all_still_found()
    {
        // Same length, same first and last eight bytes: one quick-hash value, so the table falls back to the full hash.
        var keys = Enumerable.Range(0, 200).Select(i => $"prefix__{i:D3}__suffix").ToList();
        var lookup = new Utf8Lookup(keys);
        for (var i = 0; i < keys.Count; i++) lookup.Find(Raw(keys[i])).ShouldBe(i);
        lookup.Find(Raw("prefix__999__suffix")).ShouldBe(-1);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("plain ascii", 11)]
    [InlineData("héllo wörld", 11)]
    [InlineData("emoji 😀", 7)]
    [InlineData("tab\\there", 8)]
    [InlineData("\\ud83d\\ude00 pair", 6)]
    [InlineData("lone \\ud83d", 6)]
    public void Code_points_count_escapes_once_and_multi_byte_characters_once(string raw, int expected) =>
        JsonText.CodePoints(Raw(raw)).ShouldBe(expected);
}
