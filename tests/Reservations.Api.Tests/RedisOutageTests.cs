using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Airline.TestSupport;
using Airline.TestSupport.Servers;
using Microsoft.Extensions.Logging;
using static Reservations.Api.Tests.HttpAssertions;

namespace Reservations.Api.Tests;

/// <summary>Stops, kills and pauses its own Redis, so it has a fixture of its own.</summary>
public sealed class RedisOutageTests(ReservationsServiceFixture service) : IClassFixture<ReservationsServiceFixture>, IAsyncLifetime
{
    /// <summary>Generous: the service answers 503 in about a second; this only turns a hang into a failure.</summary>
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(15);

    private static readonly TimeSpan RecoveryTimeout = TimeSpan.FromSeconds(60);

    private readonly string _flight = $"AA{Guid.NewGuid():N}";

    private Airline.TestSupport.Servers.RedisServer Redis => service.Redis.Server;

    public Task InitializeAsync() => WaitUntilHealthyAsync(service.Client);

    /// <summary>Whatever a test did, the next one finds Redis running.</summary>
    public Task DisposeAsync() => Redis.StartAsync();

    [Fact]
    public async Task While_Redis_is_stopped_requests_are_503_and_both_recover_when_it_is_back()
    {
        var client = service.Client;
        service.Logs.Clear();
        Assert.Equal(HttpStatusCode.Created, (await PutAsync(client, "1A", "customer-1")).StatusCode);

        await Redis.StopAsync();

        await AssertUnavailableAsync(await PutAsync(client, "2B", "customer-2"));
        await AssertUnavailableAsync(await GetSeatsAsync(client));
        await AssertUnavailableAsync(await DeleteAsync(client, "1A", "customer-1"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await GetAsync(client, "/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, "/alive")).StatusCode);

        await Redis.StartAsync();

        await WaitUntilHealthyAsync(client);
        Assert.Equal(HttpStatusCode.Created, (await PutAsync(client, "2B", "customer-2")).StatusCode);
        Assert.Equal(
            new Dictionary<string, string> { ["1A"] = "customer-1", ["2B"] = "customer-2" },
            await (await GetSeatsAsync(client)).Content.ReadFromJsonAsync<Dictionary<string, string>>());
        await AssertOutageLoggedOnceAsync();
    }

    /// <summary>One warning when the outage starts, one line when it ends, a 503 line per request, no stack trace.</summary>
    private async Task AssertOutageLoggedOnceAsync()
    {
        var waiting = Stopwatch.StartNew();
        while (!service.Logs.Records.Any(record => record.Message.StartsWith("Redis is available again after", StringComparison.Ordinal))
               && waiting.Elapsed < RecoveryTimeout)
        {
            await Task.Delay(100);
        }

        var records = service.Logs.Records;
        var started = Assert.Single(records, record => record.Message.StartsWith("Redis is unavailable", StringComparison.Ordinal));
        var ended = Assert.Single(records, record => record.Message.StartsWith("Redis is available again after", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, started.Level);
        Assert.Equal(LogLevel.Information, ended.Level);
        Assert.Equal(3, records.Count(record => record.Level == LogLevel.Warning && record.Message.StartsWith("Answering 503: Redis", StringComparison.Ordinal)));
        Assert.All(records, record => Assert.Null(record.Exception));
    }

    [Fact]
    public async Task An_acknowledged_reservation_survives_a_Redis_crash_and_restart()
    {
        var client = service.Client;
        Assert.Equal(HttpStatusCode.Created, (await PutAsync(client, "12C", "customer-1")).StatusCode);

        await Redis.KillAsync();

        await AssertUnavailableAsync(await PutAsync(client, "12C", "customer-1"));

        await Redis.StartAsync();

        await WaitUntilHealthyAsync(client);
        Assert.Equal(
            new Dictionary<string, string> { ["12C"] = "customer-1" },
            await (await GetSeatsAsync(client)).Content.ReadFromJsonAsync<Dictionary<string, string>>());
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(client, "12C", "customer-1")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await PutAsync(client, "12C", "customer-2")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await DeleteAsync(client, "12C", "customer-1")).StatusCode);
    }

    [Fact]
    public async Task While_Redis_hangs_requests_are_503_and_both_recover_when_it_resumes()
    {
        var client = service.Client;
        Assert.Equal(HttpStatusCode.Created, (await PutAsync(client, "1A", "customer-1")).StatusCode);
        var processId = Redis.ProcessId!.Value;

        await ProcessSignals.SendAsync("STOP", processId);
        try
        {
            await AssertUnavailableAsync(await GetSeatsAsync(client));
            await AssertUnavailableAsync(await PutAsync(client, "2B", "customer-2"));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await GetAsync(client, "/health")).StatusCode);
        }
        finally
        {
            await ProcessSignals.SendAsync("CONT", processId);
        }

        await WaitUntilHealthyAsync(client);
        // The PUT that timed out may still have reached Redis: retrying it is safe either way.
        Assert.Contains((await PutAsync(client, "2B", "customer-2")).StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.OK });
        Assert.Equal(
            new Dictionary<string, string> { ["1A"] = "customer-1", ["2B"] = "customer-2" },
            await (await GetSeatsAsync(client)).Content.ReadFromJsonAsync<Dictionary<string, string>>());
    }

    [Fact]
    public async Task A_service_started_while_Redis_is_down_answers_503_then_recovers_by_itself()
    {
        await Redis.StopAsync();
        await using var lateService = service.StartService();
        using var client = service.ClientFor(lateService.BaseAddress);

        await AssertUnavailableAsync(await GetSeatsAsync(client));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await GetAsync(client, "/health")).StatusCode);

        await Redis.StartAsync();

        await WaitUntilHealthyAsync(client);
        Assert.Equal(HttpStatusCode.Created, (await PutAsync(client, "12C", "customer-1")).StatusCode);
    }

    private static async Task AssertUnavailableAsync(HttpResponseMessage response)
    {
        var problem = await AssertProblemAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Contains("Redis", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    /// <summary>Polls /health until it answers 200; fails if that takes longer than <see cref="RecoveryTimeout"/>.</summary>
    private static async Task WaitUntilHealthyAsync(HttpClient client)
    {
        using var timeout = new CancellationTokenSource(RecoveryTimeout);
        while ((await GetAsync(client, "/health")).StatusCode != HttpStatusCode.OK)
        {
            Assert.False(timeout.IsCancellationRequested, $"/health did not recover within {RecoveryTimeout.TotalSeconds} s.");
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    private Task<HttpResponseMessage> PutAsync(HttpClient client, string seatNum, string customerId) =>
        BoundedAsync(cancellation => client.PutAsJsonAsync(
            "/reservations",
            new Dictionary<string, string> { ["flight_id"] = _flight, ["seat_num"] = seatNum, ["customer_id"] = customerId },
            cancellation));

    private Task<HttpResponseMessage> GetSeatsAsync(HttpClient client) =>
        GetAsync(client, $"/reservations?flight_id={_flight}");

    private Task<HttpResponseMessage> DeleteAsync(HttpClient client, string seatNum, string customerId) =>
        BoundedAsync(cancellation => client.DeleteAsync(
            new Uri($"/reservations/{_flight}/{seatNum}?customer_id={customerId}", UriKind.Relative), cancellation));

    private static Task<HttpResponseMessage> GetAsync(HttpClient client, string path) =>
        BoundedAsync(cancellation => client.GetAsync(new Uri(path, UriKind.Relative), cancellation));

    /// <summary>A request that must be answered within <see cref="AnswerTimeout"/>, whatever the answer.</summary>
    private static async Task<HttpResponseMessage> BoundedAsync(Func<CancellationToken, Task<HttpResponseMessage>> send)
    {
        using var timeout = new CancellationTokenSource(AnswerTimeout);
        return await send(timeout.Token);
    }
}
