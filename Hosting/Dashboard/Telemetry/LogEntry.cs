namespace Airline.Hosting.Dashboard.Telemetry;

/// <param name="Sequence">Increases with every record received.</param>
/// <param name="Category">The logger's category (the instrumentation scope).</param>
internal sealed record LogEntry(
    long Sequence,
    DateTimeOffset Time,
    LogSeverity Severity,
    string Service,
    string Instance,
    string Category,
    string Message,
    IReadOnlyDictionary<string, string> Attributes,
    string? TraceId,
    string? SpanId);

/// <summary>OTLP's severity numbers come in ranges of four: 1–4 trace … 21–24 fatal.</summary>
internal enum LogSeverity
{
    Unspecified,
    Trace,
    Debug,
    Information,
    Warning,
    Error,
    Critical,
}
