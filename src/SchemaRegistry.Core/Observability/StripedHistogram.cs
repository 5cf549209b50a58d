using System.Diagnostics;

namespace SchemaRegistry.Core.Observability;

/// <summary>
/// A duration histogram that many threads record into without contending: one row of bucket counts per processor,
/// each row on its own cache lines, summed when read. Behind the two per-request histograms (request duration,
/// validation duration): recording is a short scan of the bounds (kept in <see cref="Stopwatch"/> ticks, so no
/// conversion) and two uncontended atomic adds. Through the metrics SDK the same record hashed its tags, looked its
/// series up and took the series' lock, shared by every core (~130 ns with three tags, and most of the metrics cost
/// on a validation request). The server writes these into <c>/metrics</c> itself (<c>OwnHistograms</c>).
/// </summary>
public sealed class StripedHistogram
{
    private const int LineLongs = 8; // longs per 64-byte cache line
    private static readonly int RowMask = StripedCounter.StripeMask;

    private readonly long[] _boundTicks;
    private readonly int _rowLongs; // buckets (bounds + the +Inf one), then the sum in ticks, rounded up to whole lines
    private readonly long[] _cells;

    /// <summary>A histogram with these upper bounds, in seconds, ascending (the +Inf bucket is implied).</summary>
    public StripedHistogram(IReadOnlyList<double> boundsSeconds)
    {
        ArgumentNullException.ThrowIfNull(boundsSeconds);
        for (var i = 1; i < boundsSeconds.Count; i++)
        {
            if (!(boundsSeconds[i] > boundsSeconds[i - 1])) throw new ArgumentException("Bounds must be strictly ascending.", nameof(boundsSeconds));
        }
        BoundsSeconds = [.. boundsSeconds];
        _boundTicks = [.. boundsSeconds.Select(bound => (long)Math.Floor(bound * Stopwatch.Frequency))];
        _rowLongs = (_boundTicks.Length + 2 + LineLongs - 1) / LineLongs * LineLongs;
        // One spare line in front, so the first row shares no line with the array's header.
        _cells = new long[LineLongs + (RowMask + 1) * _rowLongs];
    }

    /// <summary>The upper bounds, in seconds.</summary>
    public IReadOnlyList<double> BoundsSeconds { get; }

    /// <summary>Records one duration measured with <see cref="Stopwatch.GetTimestamp"/> (end minus start).</summary>
    public void Record(long elapsedTicks)
    {
        if (elapsedTicks < 0) elapsedTicks = 0;
        var bounds = _boundTicks;
        var bucket = 0;
        // A value equal to a bound belongs to that bound's bucket (le: less than or equal).
        while (bucket < bounds.Length && elapsedTicks > bounds[bucket]) bucket++;
        var row = LineLongs + (Thread.GetCurrentProcessorId() & RowMask) * _rowLongs;
        Interlocked.Increment(ref _cells[row + bucket]);
        Interlocked.Add(ref _cells[row + bounds.Length + 1], elapsedTicks);
    }

    /// <summary>The counts so far: per bucket (not cumulative; the last is +Inf), their total and the sum in seconds.</summary>
    public HistogramSnapshot Snapshot()
    {
        var buckets = new long[_boundTicks.Length + 1];
        long sumTicks = 0;
        for (var row = LineLongs; row < _cells.Length; row += _rowLongs)
        {
            for (var b = 0; b < buckets.Length; b++) buckets[b] += Volatile.Read(ref _cells[row + b]);
            sumTicks += Volatile.Read(ref _cells[row + buckets.Length]);
        }
        long count = 0;
        foreach (var bucket in buckets) count += bucket;
        return new HistogramSnapshot(buckets, count, (double)sumTicks / Stopwatch.Frequency);
    }

    /// <summary>How many durations were recorded (the sum of the buckets; read at scrape time).</summary>
    public long Count => Snapshot().Count;
}

/// <summary>A histogram read at one moment: per-bucket counts (the last is +Inf), their total, the sum in seconds.</summary>
public sealed record HistogramSnapshot(long[] Buckets, long Count, double SumSeconds);
