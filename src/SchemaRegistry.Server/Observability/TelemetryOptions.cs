namespace SchemaRegistry.Server.Observability;

/// <summary>Telemetry settings (section <c>Registry:Telemetry</c>).</summary>
public sealed class TelemetryOptions
{
    /// <summary>Export metrics at <c>/metrics</c> (Prometheus text). On by default.</summary>
    public bool Metrics { get; set; } = true;

    /// <summary>
    /// An OTLP endpoint (a collector or Jaeger, e.g. <c>http://localhost:4317</c>) to export traces to. Traces are off
    /// when neither this nor <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
    /// </summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>Log format on stdout: <c>json</c> (default, structured) or <c>simple</c> (for people at a terminal).</summary>
    public string LogFormat { get; set; } = "json";
}
