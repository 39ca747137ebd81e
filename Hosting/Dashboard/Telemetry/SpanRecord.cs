namespace Airline.Hosting.Dashboard.Telemetry;

/// <summary>One span as received, with the service (and instance) that sent it.</summary>
internal sealed record SpanRecord(
    string TraceId,
    string SpanId,
    string? ParentSpanId,
    string Name,
    string Kind,
    string Service,
    string Instance,
    string Scope,
    DateTimeOffset Start,
    DateTimeOffset End,
    bool IsError,
    string? StatusMessage,
    IReadOnlyDictionary<string, string> Attributes,
    IReadOnlyList<SpanEventRecord> Events)
{
    public double DurationMs => (End - Start).TotalMilliseconds;
}

internal sealed record SpanEventRecord(string Name, DateTimeOffset Time, IReadOnlyDictionary<string, string> Attributes);
