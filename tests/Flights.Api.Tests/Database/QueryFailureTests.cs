using System.Diagnostics;
using System.Globalization;
using System.Net;
using Flights.Api.Data;
using Flights.Api.Tests.Support;
using MySqlConnector;

namespace Flights.Api.Tests.Database;

/// <summary>
/// A query that MySQL cuts off after its connection opened. The flights table is write-locked so the service's
/// query waits on the server, where it is then killed: it has a server of its own, and no read cache (which
/// would answer the search from memory without asking MySQL).
/// </summary>
public sealed class QueryFailureTests(UncachedFlightsServiceFixture service) : IClassFixture<UncachedFlightsServiceFixture>
{
    private const string SearchPath = "/flights?flight_no=AA2532";

    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(30);

    private readonly HttpClient _client = service.Client;

    [Theory]
    [InlineData("KILL QUERY")]
    [InlineData("KILL CONNECTION")]
    public async Task A_query_killed_on_the_server_is_503_problem_and_the_next_request_succeeds(string kill)
    {
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync(SearchPath)).StatusCode);
        await using var locker = await OpenAsync();
        await using var admin = await OpenAsync();

        await ExecuteAsync(locker, "LOCK TABLES flights WRITE");
        var answer = _client.GetAsync(SearchPath);
        var blockedQuery = await WaitForQueryOnFlightsAsync(admin);
        await ExecuteAsync(admin, $"{kill} {blockedQuery.ToString(CultureInfo.InvariantCulture)}");

        var response = await answer;
        await ExecuteAsync(locker, "UNLOCK TABLES");

        var problem = await response.ReadProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Contains("MySQL", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync(SearchPath)).StatusCode);
    }

    private async Task<MySqlConnection> OpenAsync()
    {
        var connection = new MySqlConnection(service.Server.GetConnectionString(FlightsContext.ConnectionName));
        await connection.OpenAsync();
        return connection;
    }

    private static async Task ExecuteAsync(MySqlConnection connection, string sql)
    {
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> WaitForQueryOnFlightsAsync(MySqlConnection admin)
    {
        await using var command = new MySqlCommand(
            "SELECT id FROM information_schema.processlist WHERE id <> CONNECTION_ID() AND info LIKE '%FROM `flights`%'", admin);
        var waiting = Stopwatch.StartNew();
        while (waiting.Elapsed < WaitLimit)
        {
            if (await command.ExecuteScalarAsync() is { } id)
            {
                return Convert.ToInt64(id, CultureInfo.InvariantCulture);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }

        throw new TimeoutException($"The service's query did not reach MySQL within {WaitLimit.TotalSeconds} s.");
    }
}
