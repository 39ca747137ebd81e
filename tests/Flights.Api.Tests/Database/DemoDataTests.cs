using System.Globalization;
using Airline.TestSupport;
using Airline.TestSupport.Servers;
using Flights.Api.Data;
using Flights.Api.Tests.Support;
using MySqlConnector;

namespace Flights.Api.Tests.Database;

/// <summary>A database seeded weeks ago, started again today: it has a server of its own.</summary>
public sealed class DemoDataTests
{
    [Fact]
    public async Task A_database_seeded_40_days_ago_gets_the_next_30_days_of_flights_at_start_and_only_once()
    {
        await using var server = new MySqlServer();
        await server.StartAsync();
        await using (var first = FlightsService.Create(server))
        {
            _ = first.BaseAddress;
        }

        await ExecuteAsync(server, "UPDATE flights SET departure_time = departure_time - INTERVAL 40 DAY, arrival_time = arrival_time - INTERVAL 40 DAY");
        await using (var restarted = FlightsService.Create(server))
        {
            _ = restarted.BaseAddress;
        }

        await using var again = FlightsService.Create(server);
        using var client = again.CreateHttpClient();
        var nextWeek = DateTime.UtcNow.Date.AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Single(await (await client.GetAsync($"/flights?flight_no=AA2532&date={nextWeek}")).ReadOkAsync<List<FlightJson>>());
        Assert.Equal(2 * 30, (await (await client.GetAsync("/flights?flight_no=AA2532")).ReadOkAsync<List<FlightJson>>()).Count);
    }

    private static async Task ExecuteAsync(MySqlServer server, string sql)
    {
        await using var connection = new MySqlConnection(server.GetConnectionString(FlightsContext.ConnectionName));
        await connection.OpenAsync();
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
