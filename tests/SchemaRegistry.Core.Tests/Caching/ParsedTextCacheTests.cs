using SchemaRegistry.Core.Caching;
using SchemaRegistry.Core.Tests.Support;

namespace SchemaRegistry.Core.Tests.Caching;

public class ParsedTextCacheTests
{
    [Fact]
    public void Answers_only_for_the_same_text_format_and_normalize_flag()
    {
        var cache = new ParsedTextCache();
        var schema = FakeSchema.Of(1);
        cache.Add("JSON", normalize: false, "{}", schema);

        cache.TryGet("JSON", false, "{}", out var hit).ShouldBeTrue();
        hit.ShouldBeSameAs(schema);
        cache.TryGet("JSON", true, "{}", out _).ShouldBeFalse();
        cache.TryGet("AVRO", false, "{}", out _).ShouldBeFalse();
        cache.TryGet("JSON", false, "{ }", out _).ShouldBeFalse();
    }

    [Fact]
    public void Stays_within_its_entries_and_characters()
    {
        var cache = new ParsedTextCache(capacity: 2, maxChars: 10);
        cache.Add("T", false, "aaaa", FakeSchema.Of(1));
        cache.Add("T", false, "bbbb", FakeSchema.Of(2));
        cache.Add("T", false, "cccc", FakeSchema.Of(3)); // full: starts over
        cache.TryGet("T", false, "aaaa", out _).ShouldBeFalse();
        cache.TryGet("T", false, "cccc", out _).ShouldBeTrue();
        cache.Add("T", false, "0123456789x", FakeSchema.Of(4)); // longer than the whole budget: not kept
        cache.TryGet("T", false, "0123456789x", out _).ShouldBeFalse();
        cache.TryGet("T", false, "cccc", out _).ShouldBeTrue();
    }
}
