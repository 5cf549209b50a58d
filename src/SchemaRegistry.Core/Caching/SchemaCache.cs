using System.Collections.Concurrent;
using SchemaRegistry.Core.Formats;

namespace SchemaRegistry.Core.Caching;

/// <summary>
/// Parsed schemas and their compiled validators by schema id. Ids are immutable (content-addressed), so entries never
/// go stale; the cache only has to stay within its size. When it grows past <see cref="Capacity"/> the least recently
/// used tenth is evicted, which keeps eviction amortised O(1) per insert and needs no lock on the hit path.
/// </summary>
public sealed class SchemaCache
{
    private readonly ConcurrentDictionary<long, Entry> _entries = new();
    private readonly Lock _evictionLock = new();
    private long _clock;
    // Kept here: ConcurrentDictionary.Count takes every lock of the dictionary, and Add asks on every call.
    private int _count;
    private long _hits;
    private long _misses;

    /// <summary>Creates a cache holding at most <paramref name="capacity"/> schemas.</summary>
    public SchemaCache(int capacity = 10_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
    }

    /// <summary>The most schemas kept.</summary>
    public int Capacity { get; }

    /// <summary>Schemas currently cached.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Lookups that found their schema.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>Lookups that had to load their schema.</summary>
    public long Misses => Interlocked.Read(ref _misses);

    /// <summary>Looks a schema up, counting the hit or miss.</summary>
    public bool TryGet(long id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Entry? entry)
    {
        if (_entries.TryGetValue(id, out entry))
        {
            entry.Touch(Interlocked.Increment(ref _clock));
            Interlocked.Increment(ref _hits);
            return true;
        }
        Interlocked.Increment(ref _misses);
        return false;
    }

    /// <summary>Adds a parsed schema (or returns the entry another thread added first).</summary>
    public Entry Add(long id, IParsedSchema schema)
    {
        Entry entry;
        var added = false;
        while (true)
        {
            if (_entries.TryGetValue(id, out var existing))
            {
                entry = existing;
                break;
            }
            var created = new Entry(schema);
            if (_entries.TryAdd(id, created))
            {
                (entry, added) = (created, true);
                break;
            }
        }
        entry.Touch(Interlocked.Increment(ref _clock));
        if (added && Interlocked.Increment(ref _count) > Capacity) Evict();
        return entry;
    }

    private void Evict()
    {
        lock (_evictionLock)
        {
            var excess = Count - Capacity;
            if (excess <= 0) return;
            var victims = Math.Max(excess, Capacity / 10);
            // ToArray takes a consistent snapshot; enumerating the live dictionary through LINQ's ICollection.CopyTo
            // fails when another thread adds an entry meanwhile. The least recently used are found by sorting the
            // snapshot's use times (plain numbers: several times faster than sorting the entries by a comparison).
            var snapshot = _entries.ToArray();
            var used = new long[snapshot.Length];
            for (var i = 0; i < snapshot.Length; i++) used[i] = snapshot[i].Value.LastUsed;
            Array.Sort(used, snapshot);
            foreach (var pair in snapshot.AsSpan(0, Math.Min(victims, snapshot.Length)))
            {
                if (_entries.TryRemove(pair)) Interlocked.Decrement(ref _count);
            }
        }
    }

    /// <summary>A cached schema and its validator, compiled on first use.</summary>
    public sealed class Entry
    {
        private readonly Lazy<IDataValidator> _validator;
        private long _lastUsed;
        private ConcurrentDictionary<string, IDataValidator?>? _messageValidators;

        internal Entry(IParsedSchema schema)
        {
            Schema = schema;
            _validator = new Lazy<IDataValidator>(schema.CompileValidator, LazyThreadSafetyMode.ExecutionAndPublication);
        }

        /// <summary>The parsed schema.</summary>
        public IParsedSchema Schema { get; }

        /// <summary>The compiled validator (compiled once, on first use).</summary>
        public IDataValidator Validator => _validator.Value;

        /// <summary>True once <see cref="Validator"/> has been compiled.</summary>
        public bool IsValidatorCompiled => _validator.IsValueCreated;

        /// <summary>
        /// The validator for one message type of a multi-message schema (compiled once per name); null when the schema
        /// has no such message, or defines no messages at all.
        /// </summary>
        public IDataValidator? ValidatorFor(string messageName)
        {
            if (Schema is not IMultiMessageSchema messages) return null;
            var byName = LazyInitializer.EnsureInitialized(ref _messageValidators, static () => new ConcurrentDictionary<string, IDataValidator?>(StringComparer.Ordinal));
            return byName.GetOrAdd(messageName, static (name, m) => m.CompileValidator(name), messages);
        }

        internal long LastUsed => Volatile.Read(ref _lastUsed);

        internal void Touch(long tick) => Volatile.Write(ref _lastUsed, tick);
    }
}
