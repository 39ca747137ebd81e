using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Airline.TestSupport.Identity;
using MySqlConnector;

namespace Gateway.Tests;

/// <summary>Holds, departed flights and trips through the gateway, in front of the real services.</summary>
public sealed class HoldsTests(GatewaySystemFixture system) : IClassFixture<GatewaySystemFixture>
{
    private const string ProblemJson = "application/problem+json";

    private readonly HttpClient _gateway = system.Gateway;

    [Fact]
    public async Task A_hold_is_201_with_its_id_and_expiry_and_the_seat_chart_shows_its_seats_unavailable_without_saying_whose()
    {
        var flightId = await FlightIdAsync(8);
        var alice = await system.Identity.SignUpAsync();
        var before = await SeatChartAsync(flightId);

        using var response = await HoldAsync(alice, flightId, "12C", "12D");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var hold = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var holdId = (string)hold["hold_id"]!;
        Assert.Equal($"/api/holds/{holdId}", response.Headers.Location?.OriginalString);
        Assert.Equal(flightId, (string?)hold["flight_id"]);
        Assert.Equal(["12C", "12D"], hold["seats"]!.AsArray().Select(seat => (string?)seat));
        Assert.InRange((DateTime)hold["expires_at"]!, DateTime.UtcNow.AddMinutes(9), DateTime.UtcNow.AddMinutes(11));
        var chart = await SeatChartAsync(flightId);
        Assert.False(IsAvailable(chart, "12C"));
        Assert.False(IsAvailable(chart, "12D"));
        Assert.Equal((int)before["seats_available"]! - 2, (int)chart["seats_available"]!);
        Assert.False((bool)chart["departed"]!);
        Assert.DoesNotContain(alice.UserId, chart.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(holdId, chart.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hold_overlapping_taken_seats_is_409_naming_them_and_holds_nothing()
    {
        var flightId = await FlightIdAsync(9);
        var (alice, bob) = (await system.Identity.SignUpAsync(), await system.Identity.SignUpAsync());
        using var held = await HoldAsync(alice, flightId, "14A");
        using var booked = await ReserveAsync(alice, flightId, "14C");

        using var response = await HoldAsync(bob, flightId, "14A", "14B", "14C");

        var problem = await AssertProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal(["14A", "14C"], problem["seats"]!.AsArray().Select(seat => (string?)seat));
        Assert.True(IsAvailable(await SeatChartAsync(flightId), "14B"));
        using var directly = await ReserveAsync(bob, flightId, "14A");
        await AssertProblemAsync(directly, HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("""{"seats": ["1A","1B","1C","1D","1E","1F","2A","2B","2C","2D"]}""", "seats")]
    [InlineData("""{"seats": ["1A","1A"]}""", "seats")]
    [InlineData("""{"seats": ["1A","99K"]}""", "seats")]
    [InlineData("""{"seats": []}""", "seats")]
    [InlineData("""{"flight_id": "not-a-uuid", "seats": ["1A"]}""", "flight_id")]
    public async Task An_invalid_hold_is_400_naming_the_field(string body, string field)
    {
        var alice = await system.Identity.SignUpAsync();
        var json = JsonNode.Parse(body)!.AsObject();
        json.TryAdd("flight_id", await FlightIdAsync(10));

        using var response = await SendAsync(alice, HttpMethod.Post, "/api/holds", JsonContent.Create(json));

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal([field], problem["errors"]!.AsObject().Select(error => error.Key));
    }

    [Fact]
    public async Task Confirming_turns_the_hold_into_my_reservations_and_another_customers_confirm_or_release_is_403()
    {
        var flightId = await FlightIdAsync(11);
        var (alice, bob) = (await system.Identity.SignUpAsync(), await system.Identity.SignUpAsync());
        var holdId = await HoldIdAsync(alice, flightId, "20A", "20B");

        using var byOther = await SendAsync(bob, HttpMethod.Post, $"/api/holds/{holdId}/confirm");
        using var releaseByOther = await SendAsync(bob, HttpMethod.Delete, $"/api/holds/{holdId}");
        using var confirmed = await SendAsync(alice, HttpMethod.Post, $"/api/holds/{holdId}/confirm");
        using var unknown = await SendAsync(alice, HttpMethod.Post, $"/api/holds/{Guid.NewGuid():N}/confirm");

        await AssertProblemAsync(byOther, HttpStatusCode.Forbidden);
        await AssertProblemAsync(releaseByOther, HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Created, confirmed.StatusCode);
        var confirmation = (await confirmed.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(["20A", "20B"], confirmation["reservations"]!.AsArray().Select(r => (string?)r!["seat_num"]));
        await AssertProblemAsync(unknown, HttpStatusCode.NotFound);
        using var mine = await SendAsync(alice, HttpMethod.Get, "/api/me/reservations");
        var seats = (await mine.Content.ReadFromJsonAsync<JsonArray>())!.Select(r => (string?)r!["seat_num"]);
        Assert.Equal(["20A", "20B"], seats);
        var chart = await SeatChartAsync(flightId);
        Assert.False(IsAvailable(chart, "20A"));
    }

    [Fact]
    public async Task Releasing_a_hold_frees_its_seats_at_once()
    {
        var flightId = await FlightIdAsync(12);
        var alice = await system.Identity.SignUpAsync();
        var holdId = await HoldIdAsync(alice, flightId, "8E");

        using var released = await SendAsync(alice, HttpMethod.Delete, $"/api/holds/{holdId}");
        using var again = await SendAsync(alice, HttpMethod.Delete, $"/api/holds/{holdId}");

        Assert.Equal(HttpStatusCode.NoContent, released.StatusCode);
        await AssertProblemAsync(again, HttpStatusCode.NotFound);
        Assert.True(IsAvailable(await SeatChartAsync(flightId), "8E"));
    }

    [Fact]
    public async Task A_departed_flight_cannot_be_held_or_booked_and_its_seat_chart_says_it_has_departed()
    {
        var departedId = await AddFlightAsync(DateTime.UtcNow.AddDays(-1));
        var alice = await system.Identity.SignUpAsync();

        using var hold = await HoldAsync(alice, departedId, "12C");
        using var booking = await ReserveAsync(alice, departedId, "12C");
        var chart = await SeatChartAsync(departedId);

        foreach (var refused in new[] { hold, booking })
        {
            var problem = await AssertProblemAsync(refused, HttpStatusCode.Conflict);
            Assert.Equal("flight has departed", (string?)problem["title"]);
            Assert.Contains("flight has departed", (string?)problem["detail"], StringComparison.Ordinal);
        }

        Assert.True((bool)chart["departed"]!);
        Assert.True(IsAvailable(chart, "12C"));
    }

    [Fact]
    public async Task A_hold_of_a_flight_that_departs_before_it_is_confirmed_cannot_be_confirmed()
    {
        var alice = await system.Identity.SignUpAsync();
        var departure = DateTime.UtcNow.AddSeconds(5);
        var flightId = await AddFlightAsync(departure);
        var holdId = await HoldIdAsync(alice, flightId, "12A");

        await Task.Delay(departure - DateTime.UtcNow + TimeSpan.FromMilliseconds(100));
        using var confirmed = await SendAsync(alice, HttpMethod.Post, $"/api/holds/{holdId}/confirm");

        var problem = await AssertProblemAsync(confirmed, HttpStatusCode.Conflict);
        Assert.Equal("flight has departed", (string?)problem["title"]);
    }

    [Fact]
    public async Task My_trips_list_reservations_and_holds_with_their_flights_upcoming_first()
    {
        var alice = await system.Identity.SignUpAsync();
        var (soon, later) = (await FlightIdAsync(13), await FlightIdAsync(14));
        var departedId = await AddFlightAsync(DateTime.UtcNow.AddDays(-2));
        using (var booked = await ReserveAsync(alice, later, "5F"))
        {
            Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        }

        var holdId = await HoldIdAsync(alice, soon, "6A", "6B");
        await ReserveDirectlyAsync(alice, departedId, "7C");

        using var response = await SendAsync(alice, HttpMethod.Get, "/api/me/trips");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var trips = (await response.Content.ReadFromJsonAsync<JsonArray>())!.Select(trip => trip!.AsObject()).ToList();
        Assert.Equal([soon, later, departedId], trips.Select(trip => (string?)trip["flight_id"]));
        Assert.Equal(holdId, (string?)trips[0]["holds"]![0]!["hold_id"]);
        Assert.Equal(["6A", "6B"], trips[0]["holds"]![0]!["seats"]!.AsArray().Select(seat => (string?)seat));
        Assert.Empty(trips[0]["reserved_seats"]!.AsArray());
        Assert.Equal(["5F"], trips[1]["reserved_seats"]!.AsArray().Select(seat => (string?)seat));
        Assert.True((bool)trips[2]["departed"]!);
        var flight = trips[1]["flight"]!;
        Assert.Equal(("AA2532", "LAX", "DCA"), ((string?)flight["flight_no"], (string?)flight["origin_code"], (string?)flight["destination_code"]));
        Assert.True((DateTime)flight["arrival_time"]! > (DateTime)flight["departure_time"]!);
        using var anonymous = await _gateway.GetAsync("/api/me/trips");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_holds_and_trips()
    {
        var document = (await _gateway.GetFromJsonAsync<JsonObject>("/openapi/v1.json"))!;
        var paths = document["paths"]!.AsObject();

        Assert.NotNull(paths["/api/holds"]?["post"]);
        Assert.NotNull(paths["/api/holds/{hold_id}/confirm"]?["post"]);
        Assert.NotNull(paths["/api/holds/{hold_id}"]?["delete"]);
        Assert.NotNull(paths["/api/me/trips"]?["get"]);
    }

    /// <summary>A flight of AA2532 (which has a seat map) departing at <paramref name="departure"/>, added to MySQL.</summary>
    private async Task<string> AddFlightAsync(DateTime departure)
    {
        var flightId = Guid.NewGuid().ToString();
        await using var connection = new MySqlConnection(system.MySql.GetConnectionString("flightsdb"));
        await connection.OpenAsync();
        await using var command = new MySqlCommand(
            "INSERT INTO flights (flight_id, flight_no, origin_code, destination_code, departure_time, arrival_time) VALUES (@id, 'AA2532', 'LAX', 'DCA', @departure, @arrival)",
            connection);
        command.Parameters.AddWithValue("@id", flightId);
        command.Parameters.AddWithValue("@departure", departure);
        command.Parameters.AddWithValue("@arrival", departure.AddHours(5));
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
        return flightId;
    }

    /// <summary>A reservation made on Reservations.Api itself, as only the customer's token could before the flight left.</summary>
    private async Task ReserveDirectlyAsync(Customer customer, string flightId, string seatNum)
    {
        using var reservations = new HttpClient { BaseAddress = system.Reservations };
        using var response = await reservations.SendAsync(new HttpRequestMessage(HttpMethod.Put, "/reservations")
        {
            Content = JsonContent.Create(new { flight_id = flightId, seat_num = seatNum, customer_id = customer.UserId }),
            Headers = { Authorization = new("Bearer", system.Identity.MintToken(customer.UserId, "reservations")) },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    /// <summary>The id of the <paramref name="index"/>th AA2532 still to depart (tests add departed ones).</summary>
    private async Task<string> FlightIdAsync(int index)
    {
        var flights = await _gateway.GetFromJsonAsync<JsonArray>("/flights?flight_no=AA2532");
        return (string)flights!.Where(flight => (DateTime)flight!["departure_time"]! > DateTime.UtcNow).ElementAt(index)!["flight_id"]!;
    }

    private Task<HttpResponseMessage> HoldAsync(Customer customer, string flightId, params string[] seats) =>
        SendAsync(customer, HttpMethod.Post, "/api/holds", JsonContent.Create(new { flight_id = flightId, seats }));

    private async Task<string> HoldIdAsync(Customer customer, string flightId, params string[] seats)
    {
        using var response = await HoldAsync(customer, flightId, seats);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["hold_id"]!;
    }

    private Task<HttpResponseMessage> ReserveAsync(Customer customer, string flightId, string seatNum) =>
        SendAsync(customer, HttpMethod.Post, "/api/reservations", JsonContent.Create(new { flight_id = flightId, seat_num = seatNum }));

    private Task<HttpResponseMessage> SendAsync(Customer customer, HttpMethod method, string path, HttpContent? content = null) =>
        _gateway.SendAsync(new HttpRequestMessage(method, path) { Content = content, Headers = { Authorization = customer.Authorization } });

    private async Task<JsonObject> SeatChartAsync(string flightId) =>
        (await _gateway.GetFromJsonAsync<JsonObject>($"/api/flights/{flightId}/seats"))!;

    private static bool IsAvailable(JsonObject chart, string seatNum) =>
        (bool)chart["seat_map"]!["cabins"]!.AsArray()
            .SelectMany(cabin => cabin!["rows"]!.AsArray())
            .SelectMany(row => row!["seats"]!.AsArray())
            .Single(seat => (string?)seat!["seat_num"] == seatNum)!["available"]!;

    private static async Task<JsonObject> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        var problem = JsonSerializer.Deserialize<JsonObject>(await response.Content.ReadAsStringAsync())!;
        Assert.Equal((int)status, (int)problem["status"]!);
        Assert.False(string.IsNullOrEmpty((string?)problem["title"]));
        return problem;
    }
}
