using System.Buffers.Binary;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using Airline.Hosting.Dashboard;
using Airline.Hosting.Dashboard.Otlp.Protocol;
using Airline.Hosting.Dashboard.Telemetry;
using Google.Protobuf;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Dashboard.Tests;

/// <summary>The OTLP/HTTP receiver fed by the real OpenTelemetry .NET exporter, as every project exports to it.</summary>
public sealed class OtlpReceiverTests(EmptyApp system) : IClassFixture<EmptyApp>
{
    private DashboardAccess Dashboard => system.Dashboard;

    [Fact]
    public async Task Spans_arrive_as_one_trace_with_their_service_parent_and_error_and_the_list_filters_by_status_and_duration()
    {
        using var source = new ActivitySource("Dashboard.Tests.Traces");
        string traceId;
        using (var tracing = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(Service("checkout-service"))
            .AddSource(source.Name)
            .AddOtlpExporter(exporter => Export(exporter, "v1/traces"))
            .Build())
        {
            using (var checkout = source.StartActivity("checkout", ActivityKind.Server)!)
            {
                traceId = checkout.TraceId.ToHexString();
                checkout.SetTag("seat", "12C");
                using var charge = source.StartActivity("charge", ActivityKind.Client)!;
                charge.SetStatus(ActivityStatusCode.Error, "card declined");
            }

            Assert.True(tracing.ForceFlush());
        }

        using var client = await DashboardClient.LogInAsync(Dashboard);
        var traces = await DashboardClient.EventuallyAsync(
            () => client.GetAsync<List<TraceSummary>>("/api/traces?service=checkout-service"), list => list.Count > 0);
        var summary = Assert.Single(traces);
        Assert.Equal((traceId, "checkout", "checkout-service", 2, 1), (summary.TraceId, summary.Name, summary.RootService, summary.SpanCount, summary.ErrorCount));
        Assert.Single(await client.GetAsync<List<TraceSummary>>("/api/traces?service=checkout-service&errorsOnly=true&hideProbes=true"));
        Assert.Empty(await client.GetAsync<List<TraceSummary>>("/api/traces?service=checkout-service&minDurationMs=60000"));

        var trace = await client.GetAsync<TraceDetail>($"/api/traces/{traceId}");
        Assert.Equal(["checkout", "charge"], trace.Spans.Select(s => s.Span.Name));
        Assert.Equal([0, 1], trace.Spans.Select(s => s.Depth));
        Assert.Equal(("Server", "12C"), (trace.Spans[0].Span.Kind, trace.Spans[0].Span.Attributes["seat"]));
        Assert.Equal((true, "card declined"), (trace.Spans[1].Span.IsError, trace.Spans[1].Span.StatusMessage));
        Assert.Equal("checkout-service-1", trace.Spans[1].Span.Instance);
    }

    [Fact]
    public async Task Log_records_arrive_with_level_message_attributes_and_trace_and_can_be_filtered()
    {
        using var source = new ActivitySource("Dashboard.Tests.Logs");
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s == source,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        string traceId;
        using (var logging = LoggerFactory.Create(builder => builder.AddOpenTelemetry(otel =>
        {
            otel.SetResourceBuilder(Service("seating-service"));
            otel.IncludeFormattedMessage = true;
            otel.AddOtlpExporter(exporter => Export(exporter, "v1/logs"));
        })))
        {
            var logger = logging.CreateLogger("Seating");
            using var activity = source.StartActivity("hold seat")!;
            traceId = activity.TraceId.ToHexString();
            logger.LogInformation("Looking for seat {Seat}", "12C");
            logger.LogWarning("Seat {Seat} is held by {Customer}", "12C", "alice");
        }

        using var client = await DashboardClient.LogInAsync(Dashboard);
        var all = await DashboardClient.EventuallyAsync(
            () => client.GetAsync<List<LogEntry>>("/api/logs?service=seating-service"), list => list.Count >= 2);
        Assert.Equal(2, all.Count);

        var warnings = await client.GetAsync<List<LogEntry>>("/api/logs?service=seating-service&level=Warning");
        var warning = Assert.Single(warnings);
        Assert.Equal(LogSeverity.Warning, warning.Severity);
        Assert.Equal("Seat 12C is held by alice", warning.Message);
        Assert.Equal("alice", warning.Attributes["Customer"]);
        Assert.Equal(("Seating", traceId), (warning.Category, warning.TraceId));

        Assert.Single(await client.GetAsync<List<LogEntry>>("/api/logs?service=seating-service&text=alice"));
        Assert.Equal(2, (await client.GetAsync<List<LogEntry>>($"/api/logs?traceId={traceId}")).Count);
    }

    [Fact]
    public async Task Metrics_arrive_per_instance_with_latest_value_rate_and_histogram_mean()
    {
        using var meter = new Meter("Dashboard.Tests.Metrics");
        var bookings = meter.CreateCounter<long>("bookings", "{booking}", "Seats booked");
        var duration = meter.CreateHistogram<double>("booking.duration", "s", "How long a booking took");
        using (var metrics = Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(Service("booking-service"))
            .AddMeter(meter.Name)
            .AddOtlpExporter((exporter, reader) =>
            {
                Export(exporter, "v1/metrics");
                reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = 600_000;
            })
            .Build())
        {
            bookings.Add(2);
            duration.Record(0.25);
            Assert.True(metrics.ForceFlush());
            await Task.Delay(50);
            bookings.Add(3);
            duration.Record(0.75);
            Assert.True(metrics.ForceFlush());
        }

        using var client = await DashboardClient.LogInAsync(Dashboard);
        Assert.Contains(new MetricSource("booking-service", "booking-service-1"), await client.GetAsync<List<MetricSource>>("/api/metrics/sources"));
        var instruments = await client.GetAsync<List<InstrumentView>>("/api/metrics?instance=booking-service-1");

        var counter = instruments.Single(i => i.Name == "bookings");
        Assert.Equal((InstrumentKind.Counter, 5d, "{booking}"), (counter.Kind, counter.Latest, counter.Unit));
        Assert.Contains(counter.Rates!, rate => rate.Value > 0);

        var histogram = instruments.Single(i => i.Name == "booking.duration");
        Assert.Equal((InstrumentKind.Histogram, 2d, 0.5), (histogram.Kind, histogram.Latest, histogram.LatestMean));
        Assert.Equal(0.75, Assert.Single(histogram.Means!).Value, precision: 6);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-the-key")]
    public async Task Telemetry_without_the_api_key_is_refused_with_401_and_not_kept(string? apiKey)
    {
        using var client = new HttpClient { BaseAddress = Dashboard.Url };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/traces") { Content = Protobuf(OneSpan("intruder")) };
        if (apiKey is not null)
        {
            request.Headers.Add(DashboardAccess.OtlpApiKeyHeader, apiKey);
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var dashboard = await DashboardClient.LogInAsync(Dashboard);
        Assert.Empty(await dashboard.GetAsync<List<TraceSummary>>("/api/traces?service=intruder"));
    }

    [Fact]
    public async Task Telemetry_that_is_not_protobuf_is_refused_with_415()
    {
        using var client = new HttpClient { BaseAddress = Dashboard.Url };
        client.DefaultRequestHeaders.Add(DashboardAccess.OtlpApiKeyHeader, Dashboard.OtlpApiKey);

        using var json = await client.PostAsync("/v1/traces", new StringContent("{}", null, "application/json"));
        using var protobuf = await client.PostAsync("/v1/traces", Protobuf(OneSpan("raw-client")));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Equal(HttpStatusCode.OK, protobuf.StatusCode);
    }

    [Fact]
    public async Task Over_grpc_the_exporters_spans_arrive()
    {
        using var source = new ActivitySource("Dashboard.Tests.Grpc");
        using (var tracing = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(Service("grpc-client"))
            .AddSource(source.Name)
            .AddOtlpExporter(exporter =>
            {
                exporter.Endpoint = Dashboard.OtlpGrpcUrl;
                exporter.Protocol = OtlpExportProtocol.Grpc;
                exporter.Headers = $"{DashboardAccess.OtlpApiKeyHeader}={Dashboard.OtlpApiKey}";
            })
            .Build())
        {
            source.StartActivity("over grpc")!.Dispose();
            Assert.True(tracing.ForceFlush());
        }

        using var client = await DashboardClient.LogInAsync(Dashboard);
        var traces = await client.GetAsync<List<TraceSummary>>("/api/traces?service=grpc-client");
        Assert.Equal(["over grpc"], traces.Select(t => t.Name));
    }

    [Theory]
    [InlineData(null, "16")]
    [InlineData("not-the-key", "16")]
    [InlineData("the-key", "0")]
    public async Task Over_grpc_a_call_without_the_api_key_ends_unauthenticated(string? apiKey, string grpcStatus)
    {
        using var http = new HttpClient();
        var message = OneSpan($"grpc-raw-{grpcStatus}-{apiKey}").ToByteArray();
        var frame = new byte[5 + message.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)message.Length);
        message.CopyTo(frame, 5);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Dashboard.OtlpGrpcUrl, "opentelemetry.proto.collector.trace.v1.TraceService/Export"))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(frame) { Headers = { ContentType = new MediaTypeHeaderValue("application/grpc") } },
        };
        request.Headers.TE.ParseAdd("trailers");
        if (apiKey is not null)
        {
            request.Headers.Add(DashboardAccess.OtlpApiKeyHeader, apiKey == "the-key" ? Dashboard.OtlpApiKey : apiKey);
        }

        using var response = await http.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();

        var status = response.TrailingHeaders.TryGetValues("grpc-status", out var trailer) ? trailer : response.Headers.GetValues("grpc-status");
        Assert.Equal(grpcStatus, Assert.Single(status));
    }

    private void Export(OtlpExporterOptions exporter, string path)
    {
        exporter.Endpoint = new Uri(Dashboard.Url, path);
        exporter.Protocol = OtlpExportProtocol.HttpProtobuf;
        exporter.Headers = $"{DashboardAccess.OtlpApiKeyHeader}={Dashboard.OtlpApiKey}";
    }

    private static ResourceBuilder Service(string name) =>
        ResourceBuilder.CreateEmpty().AddService(name, serviceInstanceId: $"{name}-1");

    private static ExportTraceServiceRequest OneSpan(string service) => new()
    {
        ResourceSpans =
        {
            new ResourceSpans
            {
                Resource = new Airline.Hosting.Dashboard.Otlp.Protocol.Resource
                {
                    Attributes = { new KeyValue { Key = "service.name", Value = new AnyValue { StringValue = service } } },
                },
                ScopeSpans =
                {
                    new ScopeSpans
                    {
                        Spans =
                        {
                            new Span
                            {
                                TraceId = ByteString.CopyFrom(Enumerable.Repeat((byte)1, 16).ToArray()),
                                SpanId = ByteString.CopyFrom(Enumerable.Repeat((byte)2, 8).ToArray()),
                                Name = "sneak in",
                                StartTimeUnixNano = 1,
                                EndTimeUnixNano = 2,
                            },
                        },
                    },
                },
            },
        },
    };

    private static ByteArrayContent Protobuf(IMessage message)
    {
        var content = new ByteArrayContent(message.ToByteArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
        return content;
    }
}
