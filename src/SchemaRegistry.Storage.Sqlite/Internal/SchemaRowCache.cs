using System.Collections.Concurrent;
using SchemaRegistry.Core.Storage;

namespace SchemaRegistry.Storage.Sqlite.Internal;

/// <summary>
/// Schema rows by id, as read from committed state. A schema row is never updated or deleted and its id never reused
/// (AUTOINCREMENT), so a committed row read once stays true for the life of the file: a subject's version list then
/// reads only its version rows and takes each schema (text, fingerprint, references) from here instead of reading
/// and decoding the same texts again on every registration. Bounded by entries and by characters of text; when full,
/// it starts over (the rows that matter come back with the next read).
/// </summary>
internal sealed class SchemaRowCache(int maxEntries = 65_536, long maxChars = 32L << 20)
{
    private readonly ConcurrentDictionary<long, StoredSchema> _rows = new();
    private long _chars;
    private int _count; // kept here: ConcurrentDictionary.Count takes every lock of the table

    public bool TryGet(long id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out StoredSchema? schema) => _rows.TryGetValue(id, out schema);

    /// <summary>Keeps a row read from committed state (never one of a transaction still open).</summary>
    public void Add(StoredSchema schema)
    {
        if (Volatile.Read(ref _count) >= maxEntries || Interlocked.Read(ref _chars) + schema.Text.Length > maxChars)
        {
            _rows.Clear();
            Interlocked.Exchange(ref _chars, 0);
            Interlocked.Exchange(ref _count, 0);
        }
        if (_rows.TryAdd(schema.Id, schema))
        {
            Interlocked.Add(ref _chars, schema.Text.Length);
            Interlocked.Increment(ref _count);
        }
    }
}
