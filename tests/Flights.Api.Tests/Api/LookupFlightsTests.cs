using System.Net;
using Flights.Api.Tests.Support;

namespace Flights.Api.Tests.Api;

[Collection(SharedFlightsServiceCollection.Name)]
public sealed class LookupFlightsTests(FlightsServiceFixture service)
{
    private readonly HttpClient _client = service.Client;

    [Fact]
    public async Task Several_ids_give_those_flights_in_order_of_departure_leaving_out_unknown_ones()
    {
        var found = await (await _client.GetAsync("/flights?flight_no=LH400")).ReadOkAsync<List<FlightJson>>();
        var (early, late) = (found[2], found[9]);

        var flights = await (await _client.GetAsync($"/flights/lookup?flight_id={late.FlightId}&flight_id={Guid.NewGuid()}&flight_id={early.FlightId}"))
            .ReadOkAsync<List<FlightJson>>();

        Assert.Equal([early, late], flights);
    }

    [Theory]
    [InlineData("/flights/lookup")]
    [InlineData("/flights/lookup?flight_id=not-a-uuid")]
    public async Task No_id_or_a_malformed_one_is_a_validation_problem(string path)
    {
        var response = await _client.GetAsync(path);

        Assert.Equal(["flight_id"], await response.ReadValidationErrorsAsync());
    }

    [Fact]
    public async Task More_than_100_ids_is_a_validation_problem()
    {
        var query = string.Join('&', Enumerable.Range(0, 101).Select(_ => $"flight_id={Guid.NewGuid()}"));

        var response = await _client.GetAsync($"/flights/lookup?{query}");

        Assert.Equal(["flight_id"], await response.ReadValidationErrorsAsync());
    }
}
