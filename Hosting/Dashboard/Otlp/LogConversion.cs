using Airline.Hosting.Dashboard.Otlp.Protocol;
using Airline.Hosting.Dashboard.Telemetry;

namespace Airline.Hosting.Dashboard.Otlp;

internal static class LogConversion
{
    public static IEnumerable<LogEntry> Entries(ExportLogsServiceRequest request, Func<long> nextSequence) =>
        from resourceLogs in request.ResourceLogs
        let source = OtlpValues.Source(resourceLogs.Resource)
        from scopeLogs in resourceLogs.ScopeLogs
        from record in scopeLogs.LogRecords
        select new LogEntry(
            nextSequence(),
            OtlpValues.Time(record.TimeUnixNano != 0 ? record.TimeUnixNano : record.ObservedTimeUnixNano),
            Severity(record.SeverityNumber),
            source.Service,
            source.Instance,
            scopeLogs.Scope?.Name ?? "",
            OtlpValues.Text(record.Body),
            OtlpValues.Attributes(record.Attributes),
            OtlpValues.Id(record.TraceId),
            OtlpValues.Id(record.SpanId));

    private static LogSeverity Severity(int number) => number switch
    {
        >= 21 => LogSeverity.Critical,
        >= 17 => LogSeverity.Error,
        >= 13 => LogSeverity.Warning,
        >= 9 => LogSeverity.Information,
        >= 5 => LogSeverity.Debug,
        >= 1 => LogSeverity.Trace,
        _ => LogSeverity.Unspecified,
    };
}
