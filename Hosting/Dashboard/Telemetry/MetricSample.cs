namespace Airline.Hosting.Dashboard.Telemetry;

internal enum InstrumentKind
{
    Gauge,
    Counter,
    UpDownCounter,
    Histogram,
}

/// <summary>What an instrument is, as its exporter describes it.</summary>
internal sealed record InstrumentDescription(string Name, string Description, string Unit, InstrumentKind Kind);

/// <summary>
/// One export of an instrument, added up over its attribute sets: a gauge's or counter's value (a counter's
/// total since it started), or a histogram's count of measurements and their sum.
/// </summary>
/// <param name="IsDelta">The value counts only what happened since the previous export.</param>
internal sealed record MetricSample(DateTimeOffset Time, double Value, double? Sum = null, bool IsDelta = false);

/// <summary>A chart point.</summary>
internal sealed record MetricPoint(DateTimeOffset Time, double Value);

/// <summary>
/// An instrument of one service instance for the metrics page: its latest value and charts over time,
/// a rate per second for counters and histograms, the mean of each interval for histograms, the value for gauges.
/// </summary>
internal sealed record InstrumentView(
    string Name,
    string Description,
    string Unit,
    InstrumentKind Kind,
    double Latest,
    double? LatestMean,
    IReadOnlyList<MetricPoint> Values,
    IReadOnlyList<MetricPoint>? Rates,
    IReadOnlyList<MetricPoint>? Means);

internal sealed record MetricSource(string Service, string Instance);
