using Airline.Hosting.Dashboard.Otlp.Protocol;
using Airline.Hosting.Dashboard.Telemetry;

namespace Airline.Hosting.Dashboard.Otlp;

/// <summary>Where OTLP messages go, whichever transport (HTTP or gRPC) brought them.</summary>
internal sealed class OtlpIntake(TraceStore traces, LogStore logs, MetricStore metrics)
{
    public void Accept(ExportTraceServiceRequest request) => traces.Add(TraceConversion.Spans(request));

    public void Accept(ExportLogsServiceRequest request) => logs.Add(LogConversion.Entries(request, logs.NextSequence));

    public void Accept(ExportMetricsServiceRequest request)
    {
        foreach (var (source, instrument, sample) in MetricConversion.Samples(request))
        {
            metrics.Add(source, instrument, sample);
        }
    }
}
