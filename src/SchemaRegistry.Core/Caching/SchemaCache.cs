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
    public int Count => _entries.Count;

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
        var entry = _entries.GetOrAdd(id, static (_, s) => new Entry(s), schema);
        entry.Touch(Interlocked.Increment(ref _clock));
        if (_entries.Count > Capacity) Evict();
        return entry;
    }

    private void Evict()
    {
        lock (_evictionLock)
        {
            var excess = _entries.Count - Capacity;
            if (excess <= 0) return;
            var victims = Math.Max(excess, Capacity / 10);
            // ToArray takes a consistent snapshot; enumerating the live dictionary through LINQ's ICollection.CopyTo
            // fails when another thread adds an entry meanwhile.
            var snapshot = _entries.ToArray();
            Array.Sort(snapshot, static (a, b) => a.Value.LastUsed.CompareTo(b.Value.LastUsed));
            foreach (var pair in snapshot.AsSpan(0, Math.Min(victims, snapshot.Length)))
                _entries.TryRemove(pair);
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
