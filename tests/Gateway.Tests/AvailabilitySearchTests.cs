using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using StackExchange.Redis;

namespace Gateway.Tests;

/// <summary>
/// <c>GET /api/flights?…&amp;passengers=N</c> against a UA1180 (SFO → ORD: 16 business and 156 economy seats) with
/// most seats taken: 153 economy and 3 business seats written straight into Reservations.Api's Redis hash, one
/// economy seat booked through the gateway, and 10 business seats held through the gateway by another customer (two
/// holds). 2 economy and 3 business seats stay free: 5 in all.
/// </summary>
public sealed class AvailabilitySearchTests(GatewaySystemFixture system) : IClassFixture<GatewaySystemFixture>, IAsyncLifetime
{
    private const int FreeSeats = 5;

    private readonly HttpClient _gateway = system.Gateway;
    private string _flightId = null!;
    private string _date = null!;

    public async Task InitializeAsync()
    {
        var flight = JsonNode.Parse(await _gateway.GetStringAsync("/flights?flight_no=UA1180"))!.AsArray()[5]!;
        (_flightId, _date) = ((string)flight["flight_id"]!, ((string)flight["departure_time"]!)[..10]);

        var economy = Seats(5, 30).ToList();
        var business = Seats(1, 4).Where(seat => !seat.EndsWith('B') && !seat.EndsWith('E')).ToList();
        await using var redis = await ConnectionMultiplexer.ConnectAsync(system.Redis.ConnectionString);
        await redis.GetDatabase().HashSetAsync($"flights:{_flightId}",
            [.. economy.Skip(3).Concat(business.Take(3)).Select(seat => new HashEntry(seat, "filler-customer"))]);

        // xunit runs this before every test of the class; the system, and so the flight, lives as long as the class.
        if (await redis.GetDatabase().HashExistsAsync($"flights:{_flightId}", economy[0]))
        {
            return;
        }

        var customer = await system.Identity.SignUpAsync();
        using var booked = await _gateway.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/reservations")
        {
            Headers = { Authorization = customer.Authorization },
            Content = JsonContent.Create(new { flight_id = _flightId, seat_num = economy[0] }),
        });
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);

        var holder = await system.Identity.SignUpAsync();
        foreach (var seats in business.Skip(3).Take(10).Chunk(9))
        {
            using var held = await _gateway.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/holds")
            {
                Headers = { Authorization = holder.Authorization },
                Content = JsonContent.Create(new { flight_id = _flightId, seats }),
            });
            Assert.Equal(HttpStatusCode.Created, held.StatusCode);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_flight_with_exactly_N_free_seats_is_found_for_N_passengers_and_not_for_N_plus_1()
    {
        var forN = await SearchAsync(FreeSeats);
        var forMore = await SearchAsync(FreeSeats + 1);

        var flight = Assert.Single(forN);
        Assert.Equal(_flightId, (string?)flight!["flight"]!["flight_id"]);
        Assert.Equal(172, (int)flight["seats_total"]!);
        Assert.Equal(FreeSeats, (int)flight["seats_available"]!);
        Assert.Null((string?)flight["cheapest_cabin"]);
        Assert.Empty(forMore);
    }

    [Theory]
    [InlineData(1, "economy")]
    [InlineData(2, "economy")]
    [InlineData(3, "business")]
    [InlineData(4, null)]
    public async Task The_cheapest_cabin_is_the_cheapest_with_room_for_the_whole_party(int passengers, string? cabin)
    {
        var flight = Assert.Single(await SearchAsync(passengers));

        Assert.Equal(cabin, (string?)flight!["cheapest_cabin"]);
        Assert.Equal(
            [("economy", 156, 2), ("business", 16, 3)],
            flight["cabins"]!.AsArray().Select(c => ((string)c!["cabin_class"]!, (int)c["seats_total"]!, (int)c["seats_available"]!)));
    }

    [Fact]
    public async Task Without_passengers_every_flight_of_the_day_is_listed_with_its_availability()
    {
        var flights = JsonNode.Parse(await _gateway.GetStringAsync($"/api/flights?origin_code=sfo&destination_code=ORD&date={_date}"))!.AsArray();

        var flight = Assert.Single(flights);
        Assert.Equal(FreeSeats, (int)flight!["seats_available"]!);
        Assert.Equal("UA1180", (string?)flight["flight"]!["flight_no"]);
    }

    [Theory]
    [InlineData("origin_code=SFO&destination_code=ORD", "date")]
    [InlineData("destination_code=ORD&date=2026-12-01", "origin_code")]
    [InlineData("origin_code=SF0&destination_code=ORD&date=2026-12-01", "origin_code")]
    [InlineData("origin_code=SFO&destination_code=ORD&date=2026-12-01&passengers=0", "passengers")]
    [InlineData("origin_code=SFO&destination_code=ORD&date=2026-12-01&passengers=10", "passengers")]
    [InlineData("origin_code=SFO&destination_code=ORD&date=2026-12-01&passengers=two", "passengers")]
    public async Task A_missing_or_malformed_parameter_is_400_naming_it(string query, string field)
    {
        using var response = await _gateway.GetAsync($"/api/flights?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]![field]);
    }

    private static IEnumerable<string> Seats(int firstRow, int lastRow) =>
        Enumerable.Range(firstRow, lastRow - firstRow + 1).SelectMany(row => "ABCDEF".Select(letter => $"{row}{letter}"));

    private async Task<JsonArray> SearchAsync(int passengers) =>
        JsonNode.Parse(await _gateway.GetStringAsync($"/api/flights?origin_code=SFO&destination_code=ORD&date={_date}&passengers={passengers}"))!.AsArray();
}
