namespace Airline.Hosting.Dashboard.Telemetry;

/// <summary>The structured log records received; at most <paramref name="capacity"/>, the oldest dropped first.</summary>
internal sealed class LogStore(int capacity)
{
    private readonly Queue<LogEntry> _entries = new();
    private readonly Lock _gate = new();
    private long _sequence;

    public long NextSequence() => Interlocked.Increment(ref _sequence);

    public void Add(IEnumerable<LogEntry> entries)
    {
        lock (_gate)
        {
            foreach (var entry in entries)
            {
                _entries.Enqueue(entry);
            }

            while (_entries.Count > capacity)
            {
                _entries.Dequeue();
            }
        }
    }

    public IReadOnlyList<string> Services()
    {
        lock (_gate)
        {
            return [.. _entries.Select(entry => entry.Service).Distinct().Order(StringComparer.Ordinal)];
        }
    }

    /// <summary>The latest records first, filtered by service, lowest severity, text (message, category or attribute) and trace.</summary>
    public IReadOnlyList<LogEntry> Query(string? service, LogSeverity? minimumSeverity, string? text, string? traceId, int limit)
    {
        lock (_gate)
        {
            return [.. _entries
                .Where(entry => service is null || entry.Service == service)
                .Where(entry => minimumSeverity is null || entry.Severity >= minimumSeverity)
                .Where(entry => traceId is null || entry.TraceId == traceId)
                .Where(entry => text is null || Mentions(entry, text))
                .OrderByDescending(entry => entry.Time)
                .ThenByDescending(entry => entry.Sequence)
                .Take(limit)];
        }
    }

    private static bool Mentions(LogEntry entry, string text) =>
        entry.Message.Contains(text, StringComparison.OrdinalIgnoreCase)
        || entry.Category.Contains(text, StringComparison.OrdinalIgnoreCase)
        || entry.Attributes.Values.Any(value => value.Contains(text, StringComparison.OrdinalIgnoreCase));
}
