using System.Net;
using Airline.Hosting.Dashboard.Resources;
using Airline.Hosting.Dashboard.Telemetry;
using Airline.Hosting.Orchestration;

namespace Dashboard.Tests;

/// <summary>The dashboard of the real system: its resources, their console output, its telemetry and the resource commands.</summary>
[Collection("system")]
public sealed class SystemTests(SystemFixture system)
{
    private readonly HttpClient _dashboard = system.Dashboard;

    [Fact]
    public async Task A_booking_through_the_gateway_is_one_trace_with_spans_of_gateway_flights_reservations_mysql_and_redis()
    {
        var traceId = await Booking.BookAsync(system, "15A");

        var trace = await DashboardClient.EventuallyAsync(
            async () => await _dashboard.GetAsync($"/api/traces/{traceId}") is { IsSuccessStatusCode: true } response
                ? await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<TraceDetail>(response.Content, DashboardClient.Json)
                : null,
            // Each process exports on its own second: wait until every span asserted below has arrived.
            detail => detail is not null && new[] { "gateway", "flights", "reservations" }.All(detail.Summary.Services.Contains)
                && detail.Spans.Any(s => s.Span.Name.StartsWith("redis", StringComparison.Ordinal))
                && detail.Spans.Any(s => s.Span is { Service: "gateway", Name: "POST /api/reservations" })
                && detail.Spans.Any(s => s.Span is { Service: "flights", Kind: "Server" })
                && detail.Spans.Any(s => s.Span is { Service: "reservations", Kind: "Server" })
                && detail.Spans.Any(s => s.Span.Service == "flights" && s.Span.Attributes.ContainsKey("db.system"))
                // A child exported before its parent shows as a root until the parent arrives.
                && detail.Spans.Skip(1).All(s => s.Depth > 0));

        Assert.NotNull(trace);
        Assert.Equal(("gateway", "POST /api/reservations"), (trace.Summary.RootService, trace.Summary.Name));
        var spans = trace.Spans.Select(s => s.Span).ToList();
        Assert.Contains(spans, s => s is { Service: "flights", Kind: "Server" });
        Assert.Contains(spans, s => s is { Service: "reservations", Kind: "Server" });
        Assert.Contains(spans, s => s.Service == "flights" && s.Attributes.ContainsKey("db.system"));
        Assert.Equal(0, trace.Spans[0].Depth);
        Assert.All(trace.Spans.Skip(1), s => Assert.True(s.Depth > 0, $"{s.Span.Service} {s.Span.Name} is not under the gateway's span"));

        var listed = await _dashboard.GetAsync<List<TraceSummary>>("/api/traces?service=reservations&limit=500");
        Assert.Contains(listed, t => t.TraceId == traceId);
    }

    [Fact]
    public async Task Start_up_is_one_root_span_per_step_and_health_probes_leave_no_trace()
    {
        string[] steps = ["migrate flightsdb", "seed demo flights"];
        var flights = await DashboardClient.EventuallyAsync(
            () => _dashboard.GetAsync<List<TraceSummary>>("/api/traces?service=flights&limit=500"),
            list => steps.All(step => list.Count(trace => trace.Name == step) == 2));

        // Both replicas ran both steps, and nothing else of theirs starts a trace: a trace listed under another
        // root is a fragment whose parent span (the gateway's, or a request's) has not been exported yet.
        foreach (var trace in flights.Where(trace => trace.RootService == "flights" && !steps.Contains(trace.Name)))
        {
            var detail = await _dashboard.GetAsync<TraceDetail>($"/api/traces/{trace.TraceId}");
            Assert.False(string.IsNullOrEmpty(detail.Spans[0].Span.ParentSpanId), $"{trace.Name} is a root span");
        }

        Assert.All(flights.Where(trace => steps.Contains(trace.Name)), trace => Assert.True(trace.SpanCount > 1, $"{trace.Name} has no driver spans beneath it"));

        // YARP probes both replicas every 2 s and the orchestrator polls every /health: none of it is traced.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var all = await _dashboard.GetAsync<List<TraceSummary>>("/api/traces?limit=500");
        Assert.DoesNotContain(all, trace => trace.Name.StartsWith("proxy.", StringComparison.Ordinal) || trace.IsProbe);
    }

    [Fact]
    public async Task Every_resource_is_listed_running_and_healthy_with_its_replicas_and_secrets_masked()
    {
        var resources = await _dashboard.GetAsync<List<ResourceView>>("/api/resources");

        Assert.Equal(SystemFixture.Resources, resources.Select(r => r.Name));
        Assert.All(resources, r => Assert.True(r is { State: ResourceState.Running, Healthy: true }, $"{r.Name} is {r.State}"));
        var flights = resources.Single(r => r.Name == "flights");
        Assert.Equal([0, 1], flights.Replicas.Select(r => r.Index));
        Assert.All(flights.Replicas, replica => Assert.True(replica is { Running: true, Healthy: true }));
        Assert.Equal(["flightsdb"], flights.References);
        Assert.Equal("mysql", resources.Single(r => r.Name == "flightsdb").Parent);
        var redis = resources.Single(r => r.Name == "redis");
        Assert.Equal("Never", redis.RestartPolicy);

        var gateway = resources.Single(r => r.Name == "gateway");
        Assert.Equal(system.App.GetEndpoint("gateway"), Assert.Single(gateway.Endpoints));
        Assert.Equal($"x-otlp-api-key={SecretMasking.Mask}", gateway.Environment.Single(e => e.Name == "OTEL_EXPORTER_OTLP_HEADERS").Value);
        Assert.Equal("http/protobuf", gateway.Environment.Single(e => e.Name == "OTEL_EXPORTER_OTLP_PROTOCOL").Value);
        var identity = resources.Single(r => r.Name == "identity").Environment;
        foreach (var secret in new[] { "Identity__SigningKey", "Identity__EncryptionKey", "Identity__GatewayClientSecret" })
        {
            Assert.Equal(SecretMasking.Mask, identity.Single(e => e.Name == secret).Value);
        }

        Assert.NotEqual(SecretMasking.Mask, identity.Single(e => e.Name == "Identity__WebRedirectUris__0").Value);
        Assert.Equal(SecretMasking.Mask, gateway.Environment.Single(e => e.Name == "Identity__ClientSecret").Value);

        var json = await _dashboard.GetStringAsync("/api/resources");
        var mysqlPassword = (await system.App.GetConnectionStringAsync("mysql"))!.Split("Password=")[1].Split(';')[0];
        Assert.DoesNotContain(system.App.Dashboard.OtlpApiKey, json);
        Assert.DoesNotContain(mysqlPassword, json);
        Assert.Contains($"Password={SecretMasking.Mask}", resources.Single(r => r.Name == "mysql").ConnectionString);
    }

    [Fact]
    public async Task The_console_output_of_every_replica_is_kept_per_resource()
    {
        var lines = await _dashboard.GetAsync<List<ConsoleLogLine>>("/api/console/flights");

        Assert.Contains(lines, l => l.Source == "flights-0" && l.Text.Contains("Now listening on", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Source == "flights-1" && l.Text.Contains("Now listening on", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await _dashboard.GetAsync("/api/console/nobody")).StatusCode);
    }

    [Fact]
    public async Task Every_project_exports_logs_and_metrics_to_the_dashboard()
    {
        var sources = await DashboardClient.EventuallyAsync(
            () => _dashboard.GetAsync<List<MetricSource>>("/api/metrics/sources"), list => list.Count >= 6);
        Assert.Equal(["flights-0", "flights-1", "gateway-0", "identity-0", "reservations-0", "web-0"], sources.Select(s => s.Instance).Order());

        var gatewayMetrics = await DashboardClient.EventuallyAsync(
            () => _dashboard.GetAsync<List<InstrumentView>>("/api/metrics?instance=gateway-0"),
            list => list.Any(i => i.Name == "http.server.request.duration"));
        Assert.Contains(gatewayMetrics, i => i is { Name: "http.server.request.duration", Kind: InstrumentKind.Histogram });

        var logs = await _dashboard.GetAsync<List<LogEntry>>("/api/logs?service=flights&limit=500");
        Assert.Contains(logs, l => l.Message.Contains("Now listening on", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stopping_redis_makes_reservations_unhealthy_and_starting_it_again_heals_both()
    {
        using var stopped = await _dashboard.PostAsync("/api/resources/redis/commands/stop", null);
        Assert.Equal(HttpStatusCode.OK, stopped.StatusCode);
        Assert.Equal(ResourceState.Finished, system.App.ResourceNotifications.TryGetCurrentState("redis")!.State);

        var reservations = await DashboardClient.EventuallyAsync(
            () => Task.FromResult(system.App.ResourceNotifications.TryGetCurrentState("reservations")!), s => !s.Healthy);
        Assert.Equal((ResourceState.Running, false), (reservations.State, reservations.Healthy));

        using var started = await _dashboard.PostAsync("/api/resources/redis/commands/start", null);
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        var redis = system.App.ResourceNotifications.TryGetCurrentState("redis")!;
        Assert.Equal((ResourceState.Running, true, 1), (redis.State, redis.Healthy, redis.Restarts));

        reservations = await DashboardClient.EventuallyAsync(
            () => Task.FromResult(system.App.ResourceNotifications.TryGetCurrentState("reservations")!), s => s.Healthy);
        Assert.True(reservations.Healthy);
        await Booking.BookAsync(system, "16B");
    }

    [Theory]
    [InlineData("gateway", "start", HttpStatusCode.Conflict)]
    [InlineData("flightsdb", "restart", HttpStatusCode.Conflict)]
    [InlineData("gateway", "explode", HttpStatusCode.BadRequest)]
    [InlineData("nobody", "stop", HttpStatusCode.NotFound)]
    public async Task A_command_that_cannot_be_carried_out_is_refused(string resource, string command, HttpStatusCode expected)
    {
        using var response = await _dashboard.PostAsync($"/api/resources/{resource}/commands/{command}", null);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
