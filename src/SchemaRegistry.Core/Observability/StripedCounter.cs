namespace SchemaRegistry.Core.Observability;

/// <summary>
/// A count that many threads add to without contending: one cell per processor, each on its own cache line, summed
/// when read. Behind the per-request counters, which an observable instrument reads at scrape time: recording one is
/// an uncontended atomic increment, where a tagged measurement through the metrics SDK hashes its tags and looks its
/// series up on every call.
/// </summary>
public sealed class StripedCounter
{
    private const int Stride = 8; // longs per 64-byte cache line
    /// <summary>The processor id mask that picks a stripe: one per processor, rounded up to a power of two (at most 64).</summary>
    internal static readonly int StripeMask = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Clamp(Environment.ProcessorCount, 1, 64)) - 1;

    private readonly long[] _cells = new long[(StripeMask + 1) * Stride];

    /// <summary>Adds one.</summary>
    public void Increment() => Interlocked.Increment(ref _cells[(Thread.GetCurrentProcessorId() & StripeMask) * Stride]);

    /// <summary>The total so far.</summary>
    public long Value
    {
        get
        {
            long total = 0;
            for (var i = 0; i < _cells.Length; i += Stride) total += Volatile.Read(ref _cells[i]);
            return total;
        }
    }
}
