using SchemaRegistry.Core.Caching;
using SchemaRegistry.Core.Tests.Support;

namespace SchemaRegistry.Core.Tests.Caching;

public class SchemaCacheTests
{
    [Fact]
    public void Counts_hits_and_misses()
    {
        var cache = new SchemaCache(10);
        cache.TryGet(1, out _).ShouldBeFalse();
        cache.Add(1, FakeSchema.Of(1));
        cache.TryGet(1, out var entry).ShouldBeTrue();
        entry!.Schema.CanonicalText.ShouldBe(FakeSchema.Of(1).CanonicalText);
        cache.Hits.ShouldBe(1);
        cache.Misses.ShouldBe(1);
    }

    [Fact]
    public void Stays_within_capacity_and_keeps_recently_used_entries()
    {
        var cache = new SchemaCache(100);
        for (var id = 1; id <= 100; id++) cache.Add(id, FakeSchema.Of(id));
        cache.TryGet(1, out _).ShouldBeTrue(); // touch the oldest, so it survives eviction
        for (var id = 101; id <= 150; id++) cache.Add(id, FakeSchema.Of(id));
        cache.Count.ShouldBeLessThanOrEqualTo(100);
        cache.TryGet(1, out _).ShouldBeTrue();
        cache.TryGet(150, out _).ShouldBeTrue();
        cache.TryGet(2, out _).ShouldBeFalse();
    }

    [Fact]
    public void Stays_bounded_while_threads_add_and_evict_concurrently()
    {
        // Eviction snapshots the entries (ConcurrentDictionary.ToArray): enumerating the live dictionary through LINQ
        // threw under a registration load when another thread added meanwhile (a window too narrow to hit reliably here).
        var cache = new SchemaCache(capacity: 64);
        var schemas = Enumerable.Range(0, 64).Select(i => FakeSchema.Of(i)).ToArray();
        Parallel.For(0, 8, worker =>
        {
            for (var i = 0; i < 20_000; i++) cache.Add(worker * 100_000L + i, schemas[i % schemas.Length]);
        });
        cache.Count.ShouldBeLessThanOrEqualTo(64 + 8);
    }

    [Fact]
    public void Compiles_the_validator_once()
    {
        var cache = new SchemaCache(10);
        var entry = cache.Add(7, FakeSchema.Of(7));
        entry.Validator.ShouldBeSameAs(entry.Validator);
    }
}
