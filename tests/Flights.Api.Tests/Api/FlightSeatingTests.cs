using System.Net;
using System.Text.Json;
using Flights.Api.Tests.Support;

namespace Flights.Api.Tests.Api;

/// <summary><c>GET /flights/seating</c>: a search's flights with the seat numbers of each cabin, in one answer.</summary>
[Collection(SharedFlightsServiceCollection.Name)]
public sealed class FlightSeatingTests(FlightsServiceFixture service)
{
    private readonly HttpClient _client = service.Client;

    [Fact]
    public async Task A_route_finds_its_flights_each_with_the_seat_numbers_of_its_cabins_as_in_the_seat_map()
    {
        var seatings = await (await _client.GetAsync("/flights/seating?origin_code=LHR&destination_code=JFK")).ReadOkAsync<JsonElement>();
        var seatMap = await (await _client.GetAsync("/flights/BA117/seat_map")).ReadOkAsync<JsonElement>();

        Assert.Equal(30, seatings.GetArrayLength());
        var expectedCabins = seatMap.GetProperty("cabins").EnumerateArray()
            .Select(cabin => (Class: cabin.GetProperty("cabin_class").GetString(), Seats: string.Join(' ', cabin.GetProperty("rows").EnumerateArray()
                .SelectMany(row => row.GetProperty("seats").EnumerateArray()).Select(seat => seat.GetProperty("seat_num").GetString()))))
            .ToList();
        Assert.All(seatings.EnumerateArray(), seating =>
        {
            Assert.Equal(["flight", "cabins"], seating.EnumerateObject().Select(p => p.Name));
            Assert.Equal("BA117", seating.GetProperty("flight").GetProperty("flight_no").GetString());
            Assert.Equal(expectedCabins, seating.GetProperty("cabins").EnumerateArray().Select(cabin =>
                (cabin.GetProperty("cabin_class").GetString(), string.Join(' ', cabin.GetProperty("seats").EnumerateArray().Select(seat => seat.GetString())))));
        });
        Assert.Equal(["business", "premium_economy", "economy"], expectedCabins.Select(cabin => cabin.Class));
    }

    [Fact]
    public async Task A_search_that_finds_nothing_is_an_empty_list()
    {
        var seatings = await (await _client.GetAsync("/flights/seating?origin_code=XXX&date=2026-01-01")).ReadOkAsync<JsonElement>();

        Assert.Equal(0, seatings.GetArrayLength());
    }

    [Theory]
    [InlineData("", "flight_no")]
    [InlineData("?origin_code=LA", "origin_code")]
    [InlineData("?date=2026-13-01", "date")]
    public async Task A_missing_or_malformed_criterion_is_400(string query, string field)
    {
        using var response = await _client.GetAsync($"/flights/seating{query}");

        Assert.Contains(field, await response.ReadValidationErrorsAsync());
    }
}
