using System.Text;

namespace SchemaRegistry.Formats.Protobuf.Validation;

/// <summary>
/// A read-only hash table from UTF-8 names to values, looked up with the raw bytes of a JSON property name, so a
/// valid document's field names are matched without allocating a string per property.
/// </summary>
internal sealed class Utf8NameTable
{
    private readonly int[] _buckets;
    private readonly Entry[] _entries;
    private readonly Dictionary<string, int> _byString;

    private readonly record struct Entry(byte[] Key, int Value, int Next);

    public Utf8NameTable(IEnumerable<KeyValuePair<string, int>> names)
    {
        _byString = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (name, value) in names) _byString.TryAdd(name, value);
        _buckets = new int[Math.Max(1, _byString.Count * 2)];
        Array.Fill(_buckets, -1);
        _entries = new Entry[_byString.Count];
        var i = 0;
        foreach (var (name, value) in _byString)
        {
            var key = Encoding.UTF8.GetBytes(name);
            var bucket = (int)(Hash(key) % (uint)_buckets.Length);
            _entries[i] = new Entry(key, value, _buckets[bucket]);
            _buckets[bucket] = i++;
        }
    }

    public int Count => _entries.Length;

    /// <summary>Finds a name given as UTF-8 bytes (unescaped).</summary>
    public bool TryGet(ReadOnlySpan<byte> name, out int value)
    {
        for (var i = _buckets[(int)(Hash(name) % (uint)_buckets.Length)]; i >= 0; i = _entries[i].Next)
        {
            if (name.SequenceEqual(_entries[i].Key))
            {
                value = _entries[i].Value;
                return true;
            }
        }
        value = -1;
        return false;
    }

    /// <summary>Finds a name given as a string (for names that were escaped in the JSON text).</summary>
    public bool TryGet(string name, out int value) => _byString.TryGetValue(name, out value);

    private static uint Hash(ReadOnlySpan<byte> bytes)
    {
        var hash = 2166136261u;
        foreach (var b in bytes) hash = (hash ^ b) * 16777619u;
        return hash;
    }
}
