using Airline.TestSupport;
using Airline.TestSupport.Servers;
using Flights.Api.Data;
using Flights.Api.DemoData;
using Flights.Api.Tests.Support;
using MySqlConnector;

namespace Flights.Api.Tests.Database;

public sealed class ConcurrentStartupTests(MySqlServerFixture mysql) : IClassFixture<MySqlServerFixture>
{
    [Fact]
    public async Task Two_replicas_starting_together_on_a_fresh_server_make_one_schema_and_seed_it_once()
    {
        await using var first = FlightsService.Create(mysql.Server);
        await using var second = FlightsService.Create(mysql.Server);

        var clients = await Task.WhenAll(Task.Run(first.CreateHttpClient), Task.Run(second.CreateHttpClient));

        foreach (var client in clients)
        {
            using (client)
            {
                var flights = await (await client.GetAsync("/flights?flight_no=AA2532")).ReadOkAsync<List<FlightJson>>();
                Assert.Equal(DemoSchedule.Days, flights.Count);
            }
        }

        Assert.Equal(1L, await CountAsync("SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = 'flightsdb'"));
        Assert.Equal(1L, await CountAsync("SELECT COUNT(*) FROM __EFMigrationsHistory"));
        Assert.Equal((long)DemoSchedule.Routes.Count * DemoSchedule.Days, await CountAsync("SELECT COUNT(*) FROM flights"));
        Assert.Equal((long)DemoSchedule.Routes.Count, await CountAsync("SELECT COUNT(*) FROM seat_maps"));
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new MySqlConnection(mysql.Server.GetConnectionString(FlightsContext.ConnectionName));
        await connection.OpenAsync();
        await using var command = new MySqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
