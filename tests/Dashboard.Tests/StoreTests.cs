using Airline.Hosting.Dashboard.Resources;
using Airline.Hosting.Dashboard.Telemetry;
using Airline.Hosting.Orchestration;

namespace Dashboard.Tests;

/// <summary>Bounded memory: every store keeps its newest items and drops the oldest first.</summary>
public sealed class StoreTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 13, 20, 0, TimeSpan.Zero);

    [Fact]
    public void The_trace_store_keeps_the_newest_spans_and_drops_a_trace_once_all_its_spans_are_gone()
    {
        var traces = new TraceStore(capacity: 3);

        traces.Add([Span("t1", "a", second: 0), Span("t1", "b", second: 0, parent: "a"), Span("t2", "c", second: 1)]);
        traces.Add([Span("t3", "d", second: 2), Span("t3", "e", second: 2, parent: "d")]);

        Assert.Null(traces.Get("t1"));
        Assert.Equal([("t3", 2), ("t2", 1)], traces.Query(new TraceFilter(), limit: 10).Select(t => (t.TraceId, t.SpanCount)));
    }

    [Fact]
    public void The_log_store_keeps_the_newest_records()
    {
        var logs = new LogStore(capacity: 2);

        logs.Add([Log(logs, "first"), Log(logs, "second"), Log(logs, "third")]);

        Assert.Equal(["third", "second"], logs.Query(null, null, null, null, 10).Select(l => l.Message));
    }

    [Fact]
    public void The_metric_store_keeps_the_newest_points_of_each_instrument()
    {
        var metrics = new MetricStore(pointsPerSeries: 2);
        var source = new MetricSource("flights", "flights-0");
        var requests = new InstrumentDescription("requests", "", "{request}", InstrumentKind.Counter);

        for (var second = 0; second < 5; second++)
        {
            metrics.Add(source, requests, new MetricSample(Start.AddSeconds(second), second * 10));
        }

        var view = Assert.Single(metrics.Query("flights-0"));
        Assert.Equal([30d, 40d], view.Values.Select(p => p.Value));
        Assert.Equal(10d, Assert.Single(view.Rates!).Value);
    }

    [Fact]
    public void The_console_log_keeps_the_last_lines_of_each_resource()
    {
        var logs = new ResourceLogService(linesPerResource: 2);

        foreach (var line in new[] { "one", "two", "three" })
        {
            logs.Append("flights", new ConsoleOutput("flights-0", line));
        }

        logs.Append("gateway", new ConsoleOutput("gateway", "hello", IsError: true));

        Assert.Equal(["two", "three"], logs.GetLines("flights").Select(l => l.Text));
        Assert.Equal([("hello", true)], logs.GetLines("gateway").Select(l => (l.Text, l.IsError)));
    }

    [Theory]
    [InlineData("ConnectionStrings__flightsdb", "Server=h;Port=1;User ID=root;Password=s3cret;Database=flightsdb", "Server=h;Port=1;User ID=root;Password=••••••;Database=flightsdb")]
    [InlineData("ConnectionStrings__redis", "127.0.0.1:6379,password=s3cret", "127.0.0.1:6379,password=••••••")]
    [InlineData("OTEL_EXPORTER_OTLP_HEADERS", "x-otlp-api-key=s3cret", "x-otlp-api-key=••••••")]
    [InlineData("Parameters__mysql-password", "s3cret", "••••••")]
    [InlineData("STRIPE_API_KEY", "s3cret", "••••••")]
    [InlineData("Identity__SigningKey", "MIIEvQIBADANBg", "••••••")]
    [InlineData("Identity__EncryptionKey", "s3cret", "••••••")]
    [InlineData("Identity__ClientSecret", "s3cret", "••••••")]
    [InlineData("ASPNETCORE_URLS", "http://127.0.0.1:5000", "http://127.0.0.1:5000")]
    public void Secrets_are_masked_and_the_rest_is_shown(string name, string value, string shown) =>
        Assert.Equal(shown, SecretMasking.Value(name, value));

    [Fact]
    public void The_trace_list_hides_probes_and_keeps_only_errors_or_slow_traces_when_asked()
    {
        var traces = new TraceStore(capacity: 100);
        traces.Add(
        [
            Span("probe", "a", second: 0) with { Name = "proxy.cluster_health_checks", Service = "gateway" },
            Span("health", "b", second: 1) with { Name = "GET /health", Attributes = new Dictionary<string, string> { ["url.path"] = "/health" } },
            Span("slow", "c", second: 2) with { End = Start.AddSeconds(2).AddMilliseconds(900) },
            Span("failed", "d", second: 3),
            Span("failed", "e", second: 3, parent: "d") with { IsError = true },
            Span("booking", "f", second: 4) with { Name = "POST /api/reservations", Attributes = new Dictionary<string, string> { ["url.path"] = "/api/reservations" } },
        ]);

        string[] Listed(TraceFilter filter) => [.. traces.Query(filter, limit: 10).Select(t => t.TraceId)];

        Assert.Equal(["booking", "failed", "slow", "health", "probe"], Listed(new TraceFilter()));
        Assert.Equal(["booking", "failed", "slow"], Listed(new TraceFilter(HideProbes: true)));
        Assert.Equal(["failed"], Listed(new TraceFilter(ErrorsOnly: true)));
        Assert.Equal(["slow"], Listed(new TraceFilter(MinDurationMs: 500)));
        Assert.Equal(["probe"], Listed(new TraceFilter(Service: "gateway")));
    }

    private static SpanRecord Span(string traceId, string spanId, int second, string? parent = null) =>
        new(traceId, spanId, parent, spanId, "Server", "flights", "flights-0", "test", Start.AddSeconds(second), Start.AddSeconds(second).AddMilliseconds(5), false, null,
            new Dictionary<string, string>(), []);

    private static LogEntry Log(LogStore store, string message) =>
        new(store.NextSequence(), Start, LogSeverity.Information, "flights", "flights-0", "test", message, new Dictionary<string, string>(), null, null);
}
