namespace Airline.Hosting.Dashboard.Telemetry;

/// <summary>The spans received, grouped by trace; at most <paramref name="capacity"/> spans, the oldest dropped first.</summary>
internal sealed class TraceStore(int capacity)
{
    private readonly Dictionary<string, List<SpanRecord>> _traces = [];
    private readonly Queue<SpanRecord> _arrival = new();
    private readonly Lock _gate = new();

    public void Add(IEnumerable<SpanRecord> spans)
    {
        lock (_gate)
        {
            foreach (var span in spans)
            {
                if (!_traces.TryGetValue(span.TraceId, out var trace))
                {
                    _traces[span.TraceId] = trace = [];
                }

                trace.Add(span);
                _arrival.Enqueue(span);
            }

            while (_arrival.Count > capacity)
            {
                var oldest = _arrival.Dequeue();
                var trace = _traces[oldest.TraceId];
                trace.Remove(oldest);
                if (trace.Count == 0)
                {
                    _traces.Remove(oldest.TraceId);
                }
            }
        }
    }

    public IReadOnlyList<string> Services()
    {
        lock (_gate)
        {
            return [.. _arrival.Select(span => span.Service).Distinct().Order(StringComparer.Ordinal)];
        }
    }

    /// <summary>The newest traces first, those the filter lets through.</summary>
    public IReadOnlyList<TraceSummary> Query(TraceFilter filter, int limit)
    {
        lock (_gate)
        {
            return [.. _traces.Values
                .Select(Summarize)
                .Where(filter.Matches)
                .OrderByDescending(summary => summary.Start)
                .Take(limit)];
        }
    }

    public TraceDetail? Get(string traceId)
    {
        List<SpanRecord> spans;
        lock (_gate)
        {
            if (!_traces.TryGetValue(traceId, out var trace))
            {
                return null;
            }

            spans = [.. trace];
        }

        var summary = Summarize(spans);
        var ids = spans.Select(span => span.SpanId).ToHashSet();
        var children = spans.ToLookup(span => span.ParentSpanId is { } parent && ids.Contains(parent) ? parent : null);
        var waterfall = new List<WaterfallSpan>(spans.Count);

        void Visit(SpanRecord span, int depth)
        {
            waterfall.Add(new WaterfallSpan(span, depth, (span.Start - summary.Start).TotalMilliseconds));
            foreach (var child in children[span.SpanId].OrderBy(child => child.Start))
            {
                Visit(child, depth + 1);
            }
        }

        foreach (var root in children[null].OrderBy(root => root.Start))
        {
            Visit(root, 0);
        }

        return new TraceDetail(summary, waterfall);
    }

    /// <summary>The root is the earliest span whose parent is not in the trace (not received, or none).</summary>
    private static TraceSummary Summarize(List<SpanRecord> spans)
    {
        var ids = spans.Select(span => span.SpanId).ToHashSet();
        var root = spans.Where(span => span.ParentSpanId is null || !ids.Contains(span.ParentSpanId)).MinBy(span => span.Start) ?? spans[0];
        var start = spans.Min(span => span.Start);
        var end = spans.Max(span => span.End);
        return new TraceSummary(
            root.TraceId,
            root.Name,
            root.Service,
            [.. spans.OrderBy(span => span.Start).Select(span => span.Service).Distinct()],
            start,
            (end - start).TotalMilliseconds,
            spans.Count,
            spans.Count(span => span.IsError),
            TraceFilter.IsProbe(root));
    }
}
