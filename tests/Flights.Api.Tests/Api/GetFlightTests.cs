using System.Net;
using Flights.Api.Tests.Support;

namespace Flights.Api.Tests.Api;

[Collection(SharedFlightsServiceCollection.Name)]
public sealed class GetFlightTests(FlightsServiceFixture service)
{
    private readonly HttpClient _client = service.Client;

    [Fact]
    public async Task A_known_id_gives_that_flight()
    {
        var found = await (await _client.GetAsync("/flights?flight_no=BA117")).ReadOkAsync<List<FlightJson>>();
        var expected = found[7];

        var flight = await (await _client.GetAsync($"/flights/{expected.FlightId}")).ReadOkAsync<FlightJson>();

        Assert.Equal(expected, flight);
    }

    [Fact]
    public async Task An_unknown_id_is_404_problem()
    {
        var response = await _client.GetAsync($"/flights/{Guid.NewGuid()}");

        var problem = await response.ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("no flight", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not-a-uuid")]
    [InlineData("12345")]
    [InlineData("0192f7a0-8d0c-7bd3-9e55-1a2b3c4d5e6")]
    public async Task An_id_that_is_not_a_UUID_is_a_validation_problem(string id)
    {
        var response = await _client.GetAsync($"/flights/{id}");

        Assert.Equal(["flight_id"], await response.ReadValidationErrorsAsync());
    }
}
