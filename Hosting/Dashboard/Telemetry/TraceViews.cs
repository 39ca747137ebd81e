namespace Airline.Hosting.Dashboard.Telemetry;

/// <summary>A line of the trace list: the root span's name, every service it touched, how long and whether anything failed.</summary>
internal sealed record TraceSummary(
    string TraceId,
    string Name,
    string RootService,
    IReadOnlyList<string> Services,
    DateTimeOffset Start,
    double DurationMs,
    int SpanCount,
    int ErrorCount,
    bool IsProbe);

/// <summary>A trace as a waterfall: spans in call order, each with its depth and its start relative to the trace's.</summary>
internal sealed record TraceDetail(TraceSummary Summary, IReadOnlyList<WaterfallSpan> Spans);

internal sealed record WaterfallSpan(SpanRecord Span, int Depth, double OffsetMs);
