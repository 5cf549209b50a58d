using System.Collections.Concurrent;
using SchemaRegistry.Core.Formats;

namespace SchemaRegistry.Core.Caching;

/// <summary>
/// Parsed schemas by the exact text they were parsed from (with their format and normalize flag), for schemas without
/// references. Such a parse is a pure function of those three inputs, so a text seen before needs no second parse:
/// clients re-register the schema they already have on every start, and one schema is often registered under several
/// subjects (Confluent keeps the same cache of raw schema to parsed schema). Schemas with references are never cached
/// here: their parse also depends on what the references resolve to.
/// </summary>
public sealed class ParsedTextCache
{
    private readonly ConcurrentDictionary<Key, IParsedSchema> _entries = new();
    private readonly long _maxChars;
    private long _chars;
    // Counted here: ConcurrentDictionary.Count takes every lock of the dictionary, which on a registration load (one
    // Add per new text) cost ~4 % of the server's CPU in lock traffic. Approximate under a racing Clear, which only
    // moves the next Clear a little.
    private int _count;

    /// <summary>Creates a cache holding at most <paramref name="capacity"/> texts of <paramref name="maxChars"/> characters in all.</summary>
    public ParsedTextCache(int capacity = 4_096, long maxChars = 32L << 20)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChars, 1);
        Capacity = capacity;
        _maxChars = maxChars;
    }

    /// <summary>The most texts kept.</summary>
    public int Capacity { get; }

    /// <summary>The parsed schema of a text parsed before, if still cached.</summary>
    public bool TryGet(string schemaType, bool normalize, string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IParsedSchema? schema) =>
        _entries.TryGetValue(new Key(schemaType, normalize, text), out schema);

    /// <summary>Remembers a successful parse (not of a text longer than the whole character budget).</summary>
    public void Add(string schemaType, bool normalize, string text, IParsedSchema schema)
    {
        if (text.Length > _maxChars) return;
        // Dropping everything when full keeps the hit path lock-free and the bookkeeping to two counters; the texts
        // that matter (those registered again and again) are back after one parse each.
        if (Volatile.Read(ref _count) >= Capacity || Interlocked.Read(ref _chars) + text.Length > _maxChars)
        {
            _entries.Clear();
            Interlocked.Exchange(ref _chars, 0);
            Interlocked.Exchange(ref _count, 0);
        }
        if (_entries.TryAdd(new Key(schemaType, normalize, text), schema))
        {
            Interlocked.Add(ref _chars, text.Length);
            Interlocked.Increment(ref _count);
        }
    }

    private readonly record struct Key(string SchemaType, bool Normalize, string Text);
}
