using Airline.Hosting.Dashboard.Otlp.Protocol;
using Airline.Hosting.Dashboard.Telemetry;

namespace Airline.Hosting.Dashboard.Otlp;

internal static class MetricConversion
{
    /// <summary>Every instrument of the request as one sample each, its data points (attribute sets) added up.</summary>
    public static IEnumerable<(MetricSource Source, InstrumentDescription Instrument, MetricSample Sample)> Samples(ExportMetricsServiceRequest request) =>
        from resourceMetrics in request.ResourceMetrics
        let source = OtlpValues.Source(resourceMetrics.Resource)
        from scopeMetrics in resourceMetrics.ScopeMetrics
        from metric in scopeMetrics.Metrics
        let sample = Sample(metric)
        where sample is not null
        select (source, new InstrumentDescription(metric.Name, metric.Description, metric.Unit, Kind(metric)), sample);

    private static InstrumentKind Kind(Metric metric) => metric.DataCase switch
    {
        Metric.DataOneofCase.Sum => metric.Sum.IsMonotonic ? InstrumentKind.Counter : InstrumentKind.UpDownCounter,
        Metric.DataOneofCase.Histogram or Metric.DataOneofCase.ExponentialHistogram => InstrumentKind.Histogram,
        _ => InstrumentKind.Gauge,
    };

    private static MetricSample? Sample(Metric metric) => metric.DataCase switch
    {
        Metric.DataOneofCase.Gauge when metric.Gauge.DataPoints.Count > 0 =>
            new MetricSample(Latest(metric.Gauge.DataPoints.Select(p => p.TimeUnixNano)), metric.Gauge.DataPoints.Sum(Value)),
        Metric.DataOneofCase.Sum when metric.Sum.DataPoints.Count > 0 =>
            new MetricSample(Latest(metric.Sum.DataPoints.Select(p => p.TimeUnixNano)), metric.Sum.DataPoints.Sum(Value),
                IsDelta: metric.Sum.AggregationTemporality == AggregationTemporality.Delta),
        Metric.DataOneofCase.Histogram when metric.Histogram.DataPoints.Count > 0 =>
            new MetricSample(Latest(metric.Histogram.DataPoints.Select(p => p.TimeUnixNano)),
                metric.Histogram.DataPoints.Sum(p => (double)p.Count), metric.Histogram.DataPoints.Sum(p => p.Sum),
                metric.Histogram.AggregationTemporality == AggregationTemporality.Delta),
        Metric.DataOneofCase.ExponentialHistogram when metric.ExponentialHistogram.DataPoints.Count > 0 =>
            new MetricSample(Latest(metric.ExponentialHistogram.DataPoints.Select(p => p.TimeUnixNano)),
                metric.ExponentialHistogram.DataPoints.Sum(p => (double)p.Count), metric.ExponentialHistogram.DataPoints.Sum(p => p.Sum),
                metric.ExponentialHistogram.AggregationTemporality == AggregationTemporality.Delta),
        _ => null,
    };

    private static double Value(NumberDataPoint point) =>
        point.ValueCase == NumberDataPoint.ValueOneofCase.AsInt ? point.AsInt : point.AsDouble;

    private static DateTimeOffset Latest(IEnumerable<ulong> times) => OtlpValues.Time(times.Max());
}
