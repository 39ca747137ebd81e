using System.Net;
using System.Text.Json;
using Flights.Api.DemoData;
using Flights.Api.Tests.Support;

namespace Flights.Api.Tests.Api;

[Collection(SharedFlightsServiceCollection.Name)]
public sealed class SeatMapTests(FlightsServiceFixture service)
{
    private static readonly string[] SeatFeatures = ["window", "aisle", "middle", "exit_row", "extra_legroom"];

    private readonly HttpClient _client = service.Client;

    [Fact]
    public async Task The_seat_map_of_AA2532_lists_cabins_rows_and_seats_with_their_features()
    {
        var seatMap = await (await _client.GetAsync("/flights/AA2532/seat_map")).ReadOkAsync<JsonElement>();

        Assert.Equal(["flight_no", "cabins"], seatMap.EnumerateObject().Select(p => p.Name));
        Assert.Equal("AA2532", seatMap.GetProperty("flight_no").GetString());

        var cabins = seatMap.GetProperty("cabins").EnumerateArray().ToList();
        Assert.Equal(["business", "economy"], cabins.Select(c => c.GetProperty("cabin_class").GetString()));

        var seats = new List<(int Row, string SeatNum, string[] Features)>();
        foreach (var cabin in cabins)
        {
            Assert.Equal(["cabin_class", "rows"], cabin.EnumerateObject().Select(p => p.Name));
            foreach (var row in cabin.GetProperty("rows").EnumerateArray())
            {
                Assert.Equal(["row", "seats"], row.EnumerateObject().Select(p => p.Name));
                foreach (var seat in row.GetProperty("seats").EnumerateArray())
                {
                    Assert.Equal(["seat_num", "features"], seat.EnumerateObject().Select(p => p.Name));
                    seats.Add((
                        row.GetProperty("row").GetInt32(),
                        seat.GetProperty("seat_num").GetString()!,
                        [.. seat.GetProperty("features").EnumerateArray().Select(f => f.GetString()!)]));
                }
            }
        }

        Assert.True(seats.Count >= 100, $"{seats.Count} seats");
        Assert.Equal(seats.Count, seats.Select(s => s.SeatNum).Distinct().Count());
        Assert.All(seats, seat =>
        {
            Assert.Matches($"^{seat.Row}[A-K]$", seat.SeatNum);
            Assert.Subset(SeatFeatures.ToHashSet(), seat.Features.ToHashSet());
        });
        Assert.Equal(["window"], seats.Single(s => s.SeatNum == "20A").Features);
        Assert.Equal(["middle"], seats.Single(s => s.SeatNum == "20B").Features);
        Assert.Equal(["aisle"], seats.Single(s => s.SeatNum == "20C").Features);
        Assert.Equal(["window", "exit_row", "extra_legroom"], seats.Single(s => s.SeatNum == "12F").Features);
        Assert.Equal(["aisle", "extra_legroom"], seats.Single(s => s.SeatNum == "1C").Features);
    }

    [Fact]
    public async Task Every_demo_flight_number_has_a_seat_map_of_at_least_100_seats_in_two_cabins_or_more()
    {
        foreach (var route in DemoSchedule.Routes)
        {
            var seatMap = await (await _client.GetAsync($"/flights/{route.FlightNo}/seat_map")).ReadOkAsync<JsonElement>();

            var cabins = seatMap.GetProperty("cabins").EnumerateArray().ToList();
            Assert.True(cabins.Count >= 2, $"{route.FlightNo} has {cabins.Count} cabins");
            var seatCount = cabins
                .SelectMany(c => c.GetProperty("rows").EnumerateArray())
                .Sum(r => r.GetProperty("seats").GetArrayLength());
            Assert.True(seatCount >= 100, $"{route.FlightNo} has {seatCount} seats");
        }
    }

    [Fact]
    public async Task A_seat_map_carries_an_ETag_and_a_max_age_and_a_request_with_that_ETag_in_If_None_Match_is_304()
    {
        using var first = await _client.GetAsync("/flights/UA1180/seat_map");
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);
        Assert.True(first.Headers.CacheControl?.MaxAge > TimeSpan.Zero, $"Cache-Control: {first.Headers.CacheControl}");

        using var revalidation = new HttpRequestMessage(HttpMethod.Get, "/flights/UA1180/seat_map") { Headers = { IfNoneMatch = { etag } } };
        using var second = await _client.SendAsync(revalidation);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal(etag, second.Headers.ETag);
    }

    [Fact]
    public async Task A_flight_number_in_lower_case_finds_the_seat_map()
    {
        var seatMap = await (await _client.GetAsync("/flights/ba117/seat_map")).ReadOkAsync<JsonElement>();

        Assert.Equal("BA117", seatMap.GetProperty("flight_no").GetString());
    }

    [Fact]
    public async Task An_unknown_flight_number_is_404_problem()
    {
        var response = await _client.GetAsync("/flights/ZZ999/seat_map");

        var problem = await response.ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("ZZ999", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("A1")]
    [InlineData("AA12345")]
    [InlineData("2532")]
    public async Task A_malformed_flight_number_is_a_validation_problem(string flightNo)
    {
        var response = await _client.GetAsync($"/flights/{flightNo}/seat_map");

        Assert.Equal(["flight_no"], await response.ReadValidationErrorsAsync());
    }
}
