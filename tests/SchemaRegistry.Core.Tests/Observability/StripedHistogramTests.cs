using System.Diagnostics;
using SchemaRegistry.Core.Observability;

namespace SchemaRegistry.Core.Tests.Observability;

public sealed class StripedHistogramTests
{
    private static long Ticks(double seconds) => (long)Math.Floor(seconds * Stopwatch.Frequency);

    [Fact]
    public void Places_each_duration_in_the_first_bucket_whose_bound_it_does_not_exceed()
    {
        var histogram = new StripedHistogram([0.001, 0.01, 0.1]);
        histogram.Record(0);
        histogram.Record(Ticks(0.001)); // on the bound: le 0.001
        histogram.Record(Ticks(0.001) + 1);
        histogram.Record(Ticks(0.05));
        histogram.Record(Ticks(3)); // past every bound: +Inf
        histogram.Record(-5); // a clock that went backwards counts as zero

        var snapshot = histogram.Snapshot();
        snapshot.Buckets.ShouldBe([3L, 1L, 1L, 1L]);
        snapshot.Count.ShouldBe(6);
        histogram.Count.ShouldBe(6);
        snapshot.SumSeconds.ShouldBe(0.001 + 0.001 + 0.05 + 3, tolerance: 1e-6);
    }

    [Fact]
    public async Task Loses_nothing_when_many_threads_record_at_once()
    {
        var histogram = new StripedHistogram([0.001, 0.01]);
        const int Threads = 8, PerThread = 50_000;
        await Task.WhenAll(Enumerable.Range(0, Threads).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < PerThread; i++) histogram.Record(i % 2 == 0 ? Ticks(0.0005) : Ticks(0.005));
        })));

        var snapshot = histogram.Snapshot();
        snapshot.Buckets.ShouldBe([Threads * PerThread / 2L, Threads * PerThread / 2L, 0L]);
        snapshot.SumSeconds.ShouldBe(Threads * PerThread / 2 * (0.0005 + 0.005), tolerance: 0.01);
    }

    [Fact]
    public void Refuses_bounds_that_do_not_ascend()
    {
        Should.Throw<ArgumentException>(() => new StripedHistogram([0.1, 0.01]));
        Should.Throw<ArgumentException>(() => new StripedHistogram([0.1, 0.1]));
    }
}
