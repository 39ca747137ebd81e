using Airline.TestSupport;
using Airline.TestSupport.Servers;
using Flights.Api.Data;
using Flights.Api.Tests.Support;
using MySqlConnector;

namespace Flights.Api.Tests.Database;

[Collection(SharedFlightsServiceCollection.Name)]
public sealed class StartupTests(FlightsServiceFixture shared)
{
    [Fact]
    public async Task The_service_waits_for_a_server_that_is_still_starting()
    {
        await using var server = new MySqlServer();
        await using var service = FlightsService.Create(server);

        // The service starts first, then finds nobody listening on the server's port for a while.
        var starting = Task.Run(service.CreateHttpClient);
        await server.StartAsync();
        using var client = await starting;

        var flights = await (await client.GetAsync("/flights?flight_no=AA2532")).ReadOkAsync<List<FlightJson>>();
        Assert.Equal(30, flights.Count);
    }

    [Fact]
    public async Task Wrong_credentials_stop_the_service_at_once_instead_of_waiting()
    {
        var wrongPassword = shared.Server.GetConnectionString(FlightsContext.ConnectionName)
            .Replace(shared.Server.Password, "wrong", StringComparison.Ordinal);
        await using var service = new KestrelServiceFactory<FlightsContext>(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{FlightsContext.ConnectionName}"] = wrongPassword,
        });

        var error = Assert.Throws<MySqlException>(() => service.BaseAddress);

        Assert.Equal(MySqlErrorCode.AccessDenied, error.ErrorCode);
    }
}
