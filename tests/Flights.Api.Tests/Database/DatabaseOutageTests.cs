using System.Diagnostics;
using System.Net;
using Flights.Api.Tests.Support;

namespace Flights.Api.Tests.Database;

/// <summary>
/// Stops and restarts MySQL under a running service: it has a server of its own, and no read cache (which
/// would answer reads it made in the last seconds from memory while MySQL is away).
/// </summary>
public sealed class DatabaseOutageTests(UncachedFlightsServiceFixture service) : IClassFixture<UncachedFlightsServiceFixture>
{
    private static readonly TimeSpan RecoveryLimit = TimeSpan.FromSeconds(60);

    private static readonly string[] DataPaths = ["/flights?flight_no=AA2532", "/flights/AA2532/seat_map", $"/flights/{Guid.Empty}"];

    private readonly HttpClient _client = service.Client;

    [Fact]
    public async Task While_MySQL_is_down_health_and_data_answer_503_and_both_recover_when_it_is_back()
    {
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync(DataPaths[0])).StatusCode);

        await service.Server.StopAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await _client.GetAsync("/health")).StatusCode);
        foreach (var path in DataPaths)
        {
            var response = await _client.GetAsync(path);
            var problem = await response.ReadProblemAsync(HttpStatusCode.ServiceUnavailable);
            Assert.Contains("MySQL", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"{path} answered without Retry-After");
        }

        await service.Server.StartAsync();

        await WaitForStatusAsync("/health", HttpStatusCode.OK);
        var flights = await (await _client.GetAsync(DataPaths[0])).ReadOkAsync<List<FlightJson>>();
        Assert.Equal(30, flights.Count);
    }

    private async Task WaitForStatusAsync(string path, HttpStatusCode expected)
    {
        var waiting = Stopwatch.StartNew();
        HttpStatusCode status;
        while ((status = (await _client.GetAsync(path)).StatusCode) != expected && waiting.Elapsed < RecoveryLimit)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }

        Assert.Equal(expected, status);
    }
}
