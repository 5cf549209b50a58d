using System.Globalization;
using System.Text;
using SchemaRegistry.Core.Observability;

namespace SchemaRegistry.Server.Observability;

/// <summary>
/// The histograms recorded on every request (<c>schema_registry_request_duration_seconds</c> by route, method and
/// status; <c>schema_registry_validation_duration_seconds</c>), kept in <see cref="StripedHistogram"/>s rather than
/// the metrics SDK, because the SDK's per-record cost was most of what metrics cost a validation request. They are
/// written into the <c>/metrics</c> answer after the SDK's own families, in the same names, labels and layout the
/// Prometheus exporter uses, in both text formats it serves (Prometheus text and OpenMetrics).
/// </summary>
internal sealed class OwnHistograms
{
    private readonly List<Family> _families = [];
    private readonly Lock _lock = new();

    /// <summary>One histogram family: its series come from <paramref name="series"/> at scrape time.</summary>
    public void Add(string name, string help, IReadOnlyList<string> labelNames, Func<IEnumerable<(IReadOnlyList<string> LabelValues, StripedHistogram Histogram)>> series)
    {
        lock (_lock) _families.Add(new Family(name, help, labelNames, series));
    }

    /// <summary>Appends every family, in the exporter's layout (<paramref name="openMetrics"/>: the OpenMetrics variant).</summary>
    public void WriteTo(StringBuilder text, bool openMetrics)
    {
        Family[] families;
        lock (_lock) families = [.. _families];
        foreach (var family in families)
        {
            text.Append("# TYPE ").Append(family.Name).Append(" histogram\n");
            if (openMetrics) text.Append("# UNIT ").Append(family.Name).Append(" seconds\n");
            text.Append("# HELP ").Append(family.Name).Append(' ').Append(family.Help).Append('\n');
            foreach (var (labelValues, histogram) in family.Series())
            {
                var labels = Labels(family.LabelNames, labelValues);
                var snapshot = histogram.Snapshot();
                long cumulative = 0;
                for (var b = 0; b < snapshot.Buckets.Length; b++)
                {
                    cumulative += snapshot.Buckets[b];
                    var bound = b < histogram.BoundsSeconds.Count ? Number(histogram.BoundsSeconds[b], openMetrics) : "+Inf";
                    text.Append(family.Name).Append("_bucket{").Append(labels).Append(",le=\"").Append(bound).Append("\"} ")
                        .Append(cumulative.ToString(CultureInfo.InvariantCulture)).Append('\n');
                }
                text.Append(family.Name).Append("_sum{").Append(labels).Append("} ").Append(Number(snapshot.SumSeconds, openMetrics)).Append('\n');
                text.Append(family.Name).Append("_count{").Append(labels).Append("} ").Append(cumulative.ToString(CultureInfo.InvariantCulture)).Append('\n');
            }
        }
    }

    private static string Labels(IReadOnlyList<string> names, IReadOnlyList<string> values)
    {
        var labels = new StringBuilder("otel_scope_name=\"").Append(RegistryTelemetry.MeterName).Append('"');
        for (var i = 0; i < names.Count; i++)
        {
            labels.Append(',').Append(names[i]).Append("=\"");
            foreach (var c in values[i])
            {
                // The text formats' label escapes: backslash, double quote and line feed.
                _ = c switch
                {
                    '\\' => labels.Append("\\\\"),
                    '"' => labels.Append("\\\""),
                    '\n' => labels.Append("\\n"),
                    _ => labels.Append(c),
                };
            }
            labels.Append('"');
        }
        return labels.ToString();
    }

    // As the exporter writes them: 1E-06 in Prometheus text, 1e-06 in OpenMetrics.
    private static string Number(double value, bool openMetrics)
    {
        var text = value.ToString(CultureInfo.InvariantCulture);
        return openMetrics ? text.ToLowerInvariant() : text;
    }

    private sealed record Family(string Name, string Help, IReadOnlyList<string> LabelNames,
        Func<IEnumerable<(IReadOnlyList<string> LabelValues, StripedHistogram Histogram)>> Series);
}
