using System.Net;
using System.Text.Json;
using Flights.Api.DemoData;
using Flights.Api.Tests.Support;

namespace Flights.Api.Tests.Api;

[Collection(SharedFlightsServiceCollection.Name)]
public sealed class SearchFlightsTests(FlightsServiceFixture service)
{
    private readonly HttpClient _client = service.Client;

    [Fact]
    public async Task The_demo_data_has_AA2532_from_LAX_to_DCA_daily_for_30_days_from_the_seeding_day()
    {
        var flights = await SearchAsync("flight_no=AA2532");

        Assert.Equal(30, flights.Count);
        Assert.All(flights, f =>
        {
            Assert.Equal("AA2532", f.FlightNo);
            Assert.Equal("LAX", f.OriginCode);
            Assert.Equal("DCA", f.DestinationCode);
            Assert.Equal(DateTimeKind.Utc, f.DepartureTime.Kind);
            Assert.Equal(new TimeOnly(13, 20), TimeOnly.FromDateTime(f.DepartureTime));
            Assert.True(f.ArrivalTime > f.DepartureTime);
        });
        Assert.Equal(
            Enumerable.Range(0, 30).Select(flights[0].DepartureDay.AddDays),
            flights.Select(f => f.DepartureDay));

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.InRange(flights[0].DepartureDay, today.AddDays(-1), today);
    }

    [Fact]
    public async Task A_flight_number_matches_in_any_letter_case()
    {
        var flights = await SearchAsync("flight_no=aA2532");

        Assert.Equal(30, flights.Count);
        Assert.All(flights, f => Assert.Equal("AA2532", f.FlightNo));
    }

    [Fact]
    public async Task A_route_finds_every_flight_on_it_in_order_of_departure()
    {
        var flights = await SearchAsync("origin_code=LAX&destination_code=DCA");

        Assert.Equal(30, flights.Count);
        Assert.All(flights, f => Assert.Equal(("AA2532", "LAX", "DCA"), (f.FlightNo, f.OriginCode, f.DestinationCode)));
        AssertInOrderOfDeparture(flights);
    }

    [Fact]
    public async Task A_route_and_a_date_find_the_flight_of_that_day()
    {
        var day = await SeedingDayAsync();
        var date = day.AddDays(5);

        var flights = await SearchAsync($"origin_code=lax&destination_code=dca&date={date:yyyy-MM-dd}");

        var flight = Assert.Single(flights);
        Assert.Equal("AA2532", flight.FlightNo);
        Assert.Equal(date.ToDateTime(new TimeOnly(13, 20), DateTimeKind.Utc), flight.DepartureTime);
    }

    [Fact]
    public async Task A_flight_number_and_a_date_find_one_flight()
    {
        var date = (await SeedingDayAsync()).AddDays(29);

        var flight = Assert.Single(await SearchAsync($"flight_no=LH400&date={date:yyyy-MM-dd}"));

        Assert.Equal(("LH400", "FRA", "JFK", date), (flight.FlightNo, flight.OriginCode, flight.DestinationCode, flight.DepartureDay));
    }

    [Fact]
    public async Task All_four_filters_together_find_one_flight()
    {
        var date = (await SeedingDayAsync()).AddDays(1);

        var flight = Assert.Single(await SearchAsync($"flight_no=AA2532&origin_code=LAX&destination_code=DCA&date={date:yyyy-MM-dd}"));

        Assert.Equal(date, flight.DepartureDay);
    }

    [Fact]
    public async Task A_date_alone_finds_every_departure_of_that_UTC_day_in_order()
    {
        var date = (await SeedingDayAsync()).AddDays(3);

        var flights = await SearchAsync($"date={date:yyyy-MM-dd}");

        Assert.Equal(DemoSchedule.Routes.Select(r => r.FlightNo).Order(), flights.Select(f => f.FlightNo).Order());
        Assert.All(flights, f => Assert.Equal(date, f.DepartureDay));
        AssertInOrderOfDeparture(flights);
    }

    [Fact]
    public async Task An_origin_alone_or_a_destination_alone_is_enough()
    {
        var fromLax = await SearchAsync("origin_code=lax");
        var toJfk = await SearchAsync("destination_code=JFK");

        Assert.Equal(30, fromLax.Count);
        Assert.All(fromLax, f => Assert.Equal("LAX", f.OriginCode));
        Assert.Equal(3 * 30, toJfk.Count);
        Assert.Equal(["BA117", "DL1410", "LH400"], toJfk.Select(f => f.FlightNo).Distinct().Order());
        AssertInOrderOfDeparture(toJfk);
    }

    [Theory]
    [InlineData("flight_no=ZZ1")]
    [InlineData("origin_code=LAX&destination_code=JFK")]
    [InlineData("flight_no=AA2532&origin_code=JFK")]
    [InlineData("date=2000-01-01")]
    public async Task Nothing_matching_is_an_empty_list(string query)
    {
        var response = await _client.GetAsync($"/flights?{query}");

        Assert.Empty(await response.ReadOkAsync<List<FlightJson>>());
    }

    [Fact]
    public async Task Each_flight_shows_exactly_the_documented_fields_with_UTC_times()
    {
        var response = await _client.GetAsync("/flights?flight_no=AA2532");

        var flight = (await response.ReadOkAsync<JsonElement>())[0];
        Assert.Equal(
            ["flight_id", "flight_no", "origin_code", "destination_code", "departure_time", "arrival_time"],
            flight.EnumerateObject().Select(p => p.Name));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T13:20:00Z$", flight.GetProperty("departure_time").GetString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T18:15:00Z$", flight.GetProperty("arrival_time").GetString());
        Assert.True(Guid.TryParse(flight.GetProperty("flight_id").GetString(), out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("?")]
    [InlineData("?airline=AA")]
    public async Task A_search_without_any_filter_is_a_validation_problem_naming_the_filters(string queryString)
    {
        var response = await _client.GetAsync($"/flights{queryString}");

        var fields = await response.ReadValidationErrorsAsync();
        Assert.Equal(["date", "destination_code", "flight_no", "origin_code"], fields.Order());
    }

    [Theory]
    [InlineData("flight_no=", "flight_no")]
    [InlineData("flight_no=A1", "flight_no")]
    [InlineData("flight_no=AAAA1", "flight_no")]
    [InlineData("flight_no=AA12345", "flight_no")]
    [InlineData("flight_no=AA", "flight_no")]
    [InlineData("flight_no=B62532", "flight_no")]
    [InlineData("flight_no=AA%202532", "flight_no")]
    [InlineData("flight_no=AA2532%0A", "flight_no")]
    [InlineData("origin_code=LA", "origin_code")]
    [InlineData("origin_code=LAXX", "origin_code")]
    [InlineData("origin_code=L4X", "origin_code")]
    [InlineData("destination_code=", "destination_code")]
    [InlineData("destination_code=DC%C3%84", "destination_code")]
    [InlineData("date=2026-13-01", "date")]
    [InlineData("date=2026-02-30", "date")]
    [InlineData("date=01-12-2026", "date")]
    [InlineData("date=2026-12-1", "date")]
    [InlineData("date=2026-12-01T00:00:00Z", "date")]
    [InlineData("date=tomorrow", "date")]
    [InlineData("flight_no=AA2532&date=2026/12/01", "date")]
    public async Task A_malformed_filter_is_a_validation_problem_naming_it(string query, string field)
    {
        var response = await _client.GetAsync($"/flights?{query}");

        Assert.Equal([field], await response.ReadValidationErrorsAsync());
    }

    [Fact]
    public async Task Every_malformed_filter_is_named_at_once()
    {
        var response = await _client.GetAsync("/flights?flight_no=1&origin_code=1&destination_code=1&date=1");

        Assert.Equal(["date", "destination_code", "flight_no", "origin_code"], (await response.ReadValidationErrorsAsync()).Order());
    }

    private async Task<List<FlightJson>> SearchAsync(string query) =>
        await (await _client.GetAsync($"/flights?{query}")).ReadOkAsync<List<FlightJson>>();

    /// <summary>The first day of the demo schedule, read from the data rather than the clock, which may have passed midnight since.</summary>
    private async Task<DateOnly> SeedingDayAsync() => (await SearchAsync("flight_no=AA2532"))[0].DepartureDay;

    private static void AssertInOrderOfDeparture(List<FlightJson> flights)
    {
        Assert.NotEmpty(flights);
        Assert.Equal(flights.OrderBy(f => f.DepartureTime).Select(f => f.FlightId), flights.Select(f => f.FlightId));
    }
}
