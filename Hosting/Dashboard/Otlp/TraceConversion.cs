using Airline.Hosting.Dashboard.Otlp.Protocol;
using Airline.Hosting.Dashboard.Telemetry;

namespace Airline.Hosting.Dashboard.Otlp;

internal static class TraceConversion
{
    public static IEnumerable<SpanRecord> Spans(ExportTraceServiceRequest request) =>
        from resourceSpans in request.ResourceSpans
        let source = OtlpValues.Source(resourceSpans.Resource)
        from scopeSpans in resourceSpans.ScopeSpans
        from span in scopeSpans.Spans
        where OtlpValues.Id(span.TraceId) is not null && OtlpValues.Id(span.SpanId) is not null
        select new SpanRecord(
            OtlpValues.Id(span.TraceId)!,
            OtlpValues.Id(span.SpanId)!,
            OtlpValues.Id(span.ParentSpanId),
            span.Name,
            Kind(span.Kind),
            source.Service,
            source.Instance,
            scopeSpans.Scope?.Name ?? "",
            OtlpValues.Time(span.StartTimeUnixNano),
            OtlpValues.Time(Math.Max(span.EndTimeUnixNano, span.StartTimeUnixNano)),
            span.Status?.Code == StatusCode.Error,
            span.Status is { Message.Length: > 0 } status ? status.Message : null,
            OtlpValues.Attributes(span.Attributes),
            [.. span.Events.Select(e => new SpanEventRecord(e.Name, OtlpValues.Time(e.TimeUnixNano), OtlpValues.Attributes(e.Attributes)))]);

    private static string Kind(SpanKind kind) => kind switch
    {
        SpanKind.Server => "Server",
        SpanKind.Client => "Client",
        SpanKind.Producer => "Producer",
        SpanKind.Consumer => "Consumer",
        _ => "Internal",
    };
}
