namespace Airline.Hosting.Dashboard.Telemetry;

/// <summary>Per service instance and instrument, the last <paramref name="pointsPerSeries"/> exports, the oldest dropped first.</summary>
internal sealed class MetricStore(int pointsPerSeries)
{
    private readonly Dictionary<MetricSource, Dictionary<string, Series>> _sources = [];
    private readonly Lock _gate = new();

    public void Add(MetricSource source, InstrumentDescription instrument, MetricSample sample)
    {
        lock (_gate)
        {
            if (!_sources.TryGetValue(source, out var instruments))
            {
                _sources[source] = instruments = [];
            }

            if (!instruments.TryGetValue(instrument.Name, out var series))
            {
                instruments[instrument.Name] = series = new Series(instrument);
            }

            series.Add(sample, pointsPerSeries);
        }
    }

    public IReadOnlyList<MetricSource> Sources()
    {
        lock (_gate)
        {
            return [.. _sources.Keys.OrderBy(source => source.Service, StringComparer.Ordinal).ThenBy(source => source.Instance, StringComparer.Ordinal)];
        }
    }

    public IReadOnlyList<InstrumentView> Query(string instance)
    {
        lock (_gate)
        {
            return [.. _sources.Where(pair => pair.Key.Instance == instance)
                .SelectMany(pair => pair.Value.Values)
                .OrderBy(series => series.Instrument.Name, StringComparer.Ordinal)
                .Select(series => series.View())];
        }
    }

    /// <summary>The samples of one instrument; delta exports are added up, so every sample holds a total.</summary>
    private sealed class Series(InstrumentDescription instrument)
    {
        private readonly Queue<MetricSample> _samples = new();
        private MetricSample? _latest;

        public InstrumentDescription Instrument { get; } = instrument;

        public void Add(MetricSample sample, int capacity)
        {
            if (sample.IsDelta && _latest is { } previous)
            {
                sample = sample with { Value = previous.Value + sample.Value, Sum = previous.Sum + sample.Sum, IsDelta = false };
            }

            _latest = sample;
            _samples.Enqueue(sample);
            if (_samples.Count > capacity)
            {
                _samples.Dequeue();
            }
        }

        public InstrumentView View()
        {
            var samples = _samples.ToList();
            var latest = _latest!;
            var values = samples.Select(sample => new MetricPoint(sample.Time, sample.Value)).ToList();
            var intervals = samples.Zip(samples.Skip(1), (before, after) => (Before: before, After: after))
                .Where(pair => pair.After.Time > pair.Before.Time && pair.After.Value >= pair.Before.Value)
                .ToList();

            List<MetricPoint>? rates = Instrument.Kind is InstrumentKind.Counter or InstrumentKind.Histogram
                ? [.. intervals.Select(pair => new MetricPoint(pair.After.Time, (pair.After.Value - pair.Before.Value) / (pair.After.Time - pair.Before.Time).TotalSeconds))]
                : null;
            List<MetricPoint>? means = Instrument.Kind is InstrumentKind.Histogram
                ? [.. intervals.Where(pair => pair.After.Value > pair.Before.Value)
                    .Select(pair => new MetricPoint(pair.After.Time, ((pair.After.Sum ?? 0) - (pair.Before.Sum ?? 0)) / (pair.After.Value - pair.Before.Value)))]
                : null;
            double? latestMean = Instrument.Kind is InstrumentKind.Histogram && latest.Value > 0 ? (latest.Sum ?? 0) / latest.Value : null;

            return new InstrumentView(Instrument.Name, Instrument.Description, Instrument.Unit, Instrument.Kind, latest.Value, latestMean, values, rates, means);
        }
    }
}
