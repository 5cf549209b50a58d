using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace SchemaRegistry.Formats.JsonSchema.Validation.Compiled;

/// <summary>
/// A fixed set of strings looked up by UTF-8 text as it is in the document, without making a <see cref="string"/>:
/// open addressing over a power-of-two table, exact byte comparison. Property names of <c>properties</c>/<c>required</c>
/// and the strings of an <c>enum</c> are looked up here. Immutable after build.
/// The hash reads the length and at most sixteen bytes (the ends of the text), which separates the keys of real
/// schemas; a key set it does not separate well (long probe chains) is hashed over every byte instead (FNV-1a).
/// </summary>
internal sealed class Utf8Lookup
{
    private readonly byte[][] _keys;
    private readonly int[] _slots; // index + 1 into _keys; 0 = empty
    private readonly int _mask;
    private readonly bool _fullHash;
    private readonly bool[] _plain; // the key has no backslash: its bytes can be compared with raw document text

    /// <summary>Builds the table; the index of a key is its position in <paramref name="keys"/> (duplicates keep the first).</summary>
    public Utf8Lookup(IEnumerable<string> keys)
    {
        Names = [.. keys];
        _keys = [.. Names.Select(Encoding.UTF8.GetBytes)];
        var size = 4;
        while (size < _keys.Length * 2) size <<= 1;
        _slots = new int[size];
        _mask = size - 1;
        _plain = [.. _keys.Select(k => k.AsSpan().IndexOf((byte)'\\') < 0)];
        if (Fill() > MaxProbes)
        {
            Array.Clear(_slots);
            _fullHash = true;
            Fill();
        }
    }

    /// <summary>The longest probe chain tolerated before the table is rebuilt with the full hash.</summary>
    private const int MaxProbes = 4;

    /// <summary>Places every key; returns the longest probe chain.</summary>
    private int Fill()
    {
        var longest = 0;
        for (var i = 0; i < _keys.Length; i++)
        {
            if (FindExact(_keys[i]) >= 0) continue;
            var slot = (int)Hash(_keys[i]) & _mask;
            var probes = 0;
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & _mask;
                probes++;
            }
            _slots[slot] = i + 1;
            longest = Math.Max(longest, probes);
        }
        return longest;
    }

    /// <summary>The keys, in the order given.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>How many keys.</summary>
    public int Count => _keys.Length;

    /// <summary>The index of the key equal to the JSON string text <paramref name="raw"/> (escapes decoded), or -1.</summary>
    public int Find(ReadOnlySpan<byte> raw)
    {
        if (_keys.Length == 0) return -1;
        return raw.IndexOf((byte)'\\') >= 0 ? FindEscaped(raw) : FindExact(raw);
    }

    /// <summary>
    /// As <see cref="Find(ReadOnlySpan{byte})"/>, trying the key at <paramref name="expected"/> first: objects usually
    /// list their properties in the order the schema declares them (serializers and LLM structured outputs do), so
    /// a property name is then matched by one comparison, without hashing.
    /// </summary>
    public int Find(ReadOnlySpan<byte> raw, int expected) => Find(raw, expected, unescaped: false);

    /// <summary>
    /// As <see cref="Find(ReadOnlySpan{byte}, int)"/>; <paramref name="unescaped"/> says the caller already knows the
    /// text has no escapes (its bytes are its value), so it is not scanned for them.
    /// </summary>
    public int Find(ReadOnlySpan<byte> raw, int expected, bool unescaped)
    {
        if ((uint)expected < (uint)_keys.Length && _plain[expected] && _keys[expected].AsSpan().SequenceEqual(raw)) return expected;
        return unescaped ? FindExact(raw) : Find(raw);
    }

    /// <summary>The index of the key whose UTF-8 bytes are exactly <paramref name="utf8"/>, or -1.</summary>
    public int FindExact(ReadOnlySpan<byte> utf8)
    {
        if (_keys.Length == 0) return -1;
        var raw = utf8;
        var slot = (int)Hash(raw) & _mask;
        while (true)
        {
            var entry = _slots[slot];
            if (entry == 0) return -1;
            if (_keys[entry - 1].AsSpan().SequenceEqual(raw)) return entry - 1;
            slot = (slot + 1) & _mask;
        }
    }

    private int FindEscaped(ReadOnlySpan<byte> raw)
    {
        char[]? rentedChars = null;
        byte[]? rentedBytes = null;
        Span<char> chars = raw.Length <= JsonText.StackChars ? stackalloc char[JsonText.StackChars] : (rentedChars = ArrayPool<char>.Shared.Rent(raw.Length));
        var length = JsonText.Decode(raw, chars);
        var byteCount = Encoding.UTF8.GetMaxByteCount(length);
        Span<byte> bytes = byteCount <= 1024 ? stackalloc byte[1024] : (rentedBytes = ArrayPool<byte>.Shared.Rent(byteCount));
        // A decoded lone surrogate has no UTF-8 form, so it cannot equal any key.
        var found = Utf8Length(chars[..length]) >= 0 && Encoding.UTF8.TryGetBytes(chars[..length], bytes, out var written) ? FindExact(bytes[..written]) : -1;
        if (rentedChars is not null) ArrayPool<char>.Shared.Return(rentedChars);
        if (rentedBytes is not null) ArrayPool<byte>.Shared.Return(rentedBytes);
        return found;
    }

    private static int Utf8Length(ReadOnlySpan<char> chars)
    {
        var total = 0;
        while (!chars.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(chars, out var rune, out var consumed) != OperationStatus.Done) return -1;
            total += rune.Utf8SequenceLength;
            chars = chars[consumed..];
        }
        return total;
    }

    private uint Hash(ReadOnlySpan<byte> bytes) => _fullHash ? FullHash(bytes) : QuickHash(bytes);

    private static uint FullHash(ReadOnlySpan<byte> bytes)
    {
        var hash = 2166136261u;
        foreach (var b in bytes) hash = (hash ^ b) * 16777619u;
        return hash;
    }

    private static uint QuickHash(ReadOnlySpan<byte> bytes)
    {
        const ulong Multiplier = 0x9E3779B97F4A7C15;
        var hash = (ulong)bytes.Length * Multiplier;
        if (bytes.Length >= 8)
        {
            hash = (hash ^ BinaryPrimitives.ReadUInt64LittleEndian(bytes)) * Multiplier;
            hash ^= BinaryPrimitives.ReadUInt64LittleEndian(bytes[^8..]);
        }
        else if (bytes.Length >= 4)
        {
            hash ^= BinaryPrimitives.ReadUInt32LittleEndian(bytes) | ((ulong)BinaryPrimitives.ReadUInt32LittleEndian(bytes[^4..]) << 32);
        }
        else if (!bytes.IsEmpty)
        {
            hash ^= bytes[0] | ((ulong)bytes[bytes.Length / 2] << 8) | ((ulong)bytes[^1] << 16);
        }
        hash *= Multiplier;
        return (uint)(hash >> 32);
    }
}
