using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;

namespace Reservations.Api.Tests;

[Collection(ReservationsServiceCollection.Name)]
public sealed class RedisTracingTests : IDisposable
{
    /// <summary>Aspire's Redis instrumentation turns recorded commands into spans every 10 s, after their parent span ended.</summary>
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(20);

    private const string RedisCommandSource = "OpenTelemetry.Instrumentation.StackExchangeRedis";

    private static readonly ActivitySource TestSource = new(nameof(RedisTracingTests));

    private readonly ReservationsServiceFixture _service;
    private readonly ConcurrentQueue<Activity> _redisCommands = new();
    private readonly ActivityListener _listener;

    public RedisTracingTests(ReservationsServiceFixture service)
    {
        _service = service;
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is RedisCommandSource or nameof(RedisTracingTests),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.Source.Name is RedisCommandSource)
                {
                    _redisCommands.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    [Fact]
    public async Task A_reservation_traces_its_Redis_commands_as_client_spans_of_its_trace()
    {
        ActivityTraceId traceId;
        using (var request = TestSource.StartActivity("reserve"))
        {
            traceId = request!.TraceId;
            var response = await _service.Client.PutAsJsonAsync("/reservations", new Dictionary<string, string>
            {
                ["flight_id"] = $"AA{Guid.NewGuid():N}", ["seat_num"] = "12C", ["customer_id"] = "customer-1",
            });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        var waiting = Stopwatch.StartNew();
        while (!_redisCommands.Any(command => command.TraceId == traceId) && waiting.Elapsed < DrainTimeout)
        {
            await Task.Delay(100);
        }

        var commands = _redisCommands.Where(command => command.TraceId == traceId).ToList();
        Assert.NotEmpty(commands);
        Assert.All(commands, command =>
        {
            Assert.Equal(ActivityKind.Client, command.Kind);
            Assert.Equal("redis", command.GetTagItem("db.system"));
        });
    }

    public void Dispose() => _listener.Dispose();
}
