using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Airline.TestSupport.Identity;
using Xunit.Abstractions;

namespace AppHost.Tests;

/// <summary>The book's journeys, through the gateway of the system the AppHost starts.</summary>
public sealed class BookingJourneyTests(SystemFixture system, ITestOutputHelper output) : IClassFixture<SystemFixture>, IDisposable
{
    private readonly HttpClient _gateway = system.Gateway;
    private readonly IDisposable _output = system.Output.During(output);

    public void Dispose() => _output.Dispose();

    [Fact]
    public async Task Sign_up_find_a_flight_see_its_chart_reserve_be_refused_a_double_booking_see_my_seat_cancel_and_see_it_free()
    {
        var alice = await Customers.SignUpAsync(system.Identity);
        var bob = await Customers.SignUpAsync(system.Identity);

        var flights = await _gateway.GetFromJsonAsync<JsonArray>("/flights?origin_code=LAX&destination_code=DCA&date=" + Tomorrow());
        var flight = Assert.Single(flights!)!;
        Assert.Equal("AA2532", (string?)flight["flight_no"]);
        var flightId = (string)flight["flight_id"]!;

        var chart = await SeatChartAsync(flightId);
        var seatsAvailable = (int)chart["seats_available"]!;
        Assert.True(IsAvailable(chart, "14D"));

        using var booked = await SendAsync(alice, HttpMethod.Post, "/api/reservations", JsonContent.Create(new { flight_id = flightId, seat_num = "14D" }));
        using var doubleBooked = await SendAsync(bob, HttpMethod.Post, "/api/reservations", JsonContent.Create(new { flight_id = flightId, seat_num = "14D" }));
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, doubleBooked.StatusCode);

        using var mine = await SendAsync(alice, HttpMethod.Get, "/api/me/reservations");
        var seat = Assert.Single((await mine.Content.ReadFromJsonAsync<JsonArray>())!)!;
        Assert.Equal((flightId, "14D"), ((string?)seat["flight_id"], (string?)seat["seat_num"]));

        chart = await SeatChartAsync(flightId);
        Assert.False(IsAvailable(chart, "14D"));
        Assert.Equal(seatsAvailable - 1, (int)chart["seats_available"]!);

        using var cancelled = await SendAsync(alice, HttpMethod.Delete, $"/api/reservations/{flightId}/14D");
        Assert.Equal(HttpStatusCode.NoContent, cancelled.StatusCode);

        chart = await SeatChartAsync(flightId);
        Assert.True(IsAvailable(chart, "14D"));
        Assert.Equal(seatsAvailable, (int)chart["seats_available"]!);
    }

    [Fact]
    public async Task Hold_two_seats_see_them_taken_be_refused_them_confirm_see_the_trip_and_release_another_hold()
    {
        var alice = await Customers.SignUpAsync(system.Identity);
        var bob = await Customers.SignUpAsync(system.Identity);
        var flightId = await _gateway.FlightIdAsync();

        using var held = await SendAsync(alice, HttpMethod.Post, "/api/holds", JsonContent.Create(new { flight_id = flightId, seats = new[] { "22A", "22B" } }));
        Assert.Equal(HttpStatusCode.Created, held.StatusCode);
        var holdId = (string)(await held.Content.ReadFromJsonAsync<JsonObject>())!["hold_id"]!;
        var chart = await SeatChartAsync(flightId);
        Assert.False(IsAvailable(chart, "22A"));
        Assert.False(IsAvailable(chart, "22B"));

        using var refused = await SendAsync(bob, HttpMethod.Post, "/api/holds", JsonContent.Create(new { flight_id = flightId, seats = new[] { "22B", "22C" } }));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        using var confirmed = await SendAsync(alice, HttpMethod.Post, $"/api/holds/{holdId}/confirm");
        Assert.Equal(HttpStatusCode.Created, confirmed.StatusCode);

        using var other = await SendAsync(bob, HttpMethod.Post, "/api/holds", JsonContent.Create(new { flight_id = flightId, seats = new[] { "22C" } }));
        var otherId = (string)(await other.Content.ReadFromJsonAsync<JsonObject>())!["hold_id"]!;
        using var released = await SendAsync(bob, HttpMethod.Delete, $"/api/holds/{otherId}");
        Assert.Equal(HttpStatusCode.NoContent, released.StatusCode);
        Assert.True(IsAvailable(await SeatChartAsync(flightId), "22C"));

        using var trips = await SendAsync(alice, HttpMethod.Get, "/api/me/trips");
        var trip = Assert.Single((await trips.Content.ReadFromJsonAsync<JsonArray>())!)!;
        Assert.Equal(["22A", "22B"], trip["reserved_seats"]!.AsArray().Select(seat => (string?)seat));
        Assert.Equal("AA2532", (string?)trip["flight"]!["flight_no"]);
    }

    [Fact]
    public async Task The_resources_are_wired_as_the_app_model_says()
    {
        var connectionString = await system.App.GetConnectionStringAsync("flightsdb");

        Assert.Contains("Database=flightsdb", connectionString);
        Assert.NotEqual(system.App.GetEndpoint("flights", 0), system.App.GetEndpoint("flights", 1));
        foreach (var resource in new[] { "mysql", "flightsdb", "identitydb", "redis", "identity", "flights", "reservations", "gateway", "web" })
        {
            var state = system.App.ResourceNotifications.TryGetCurrentState(resource);
            Assert.True(state is { State: Airline.Hosting.Orchestration.ResourceState.Running, Healthy: true }, $"{resource}: {state}");
        }
    }

    private static string Tomorrow() => DateTime.UtcNow.Date.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private Task<HttpResponseMessage> SendAsync(Customer customer, HttpMethod method, string path, HttpContent? content = null) =>
        _gateway.SendAsync(new HttpRequestMessage(method, path) { Content = content, Headers = { Authorization = customer.Authorization } });

    private async Task<JsonObject> SeatChartAsync(string flightId) =>
        (await _gateway.GetFromJsonAsync<JsonObject>($"/api/flights/{flightId}/seats"))!;

    private static bool IsAvailable(JsonObject chart, string seatNum) =>
        chart["seat_map"]!["cabins"]!.AsArray()
            .SelectMany(cabin => cabin!["rows"]!.AsArray())
            .SelectMany(row => row!["seats"]!.AsArray())
            .Single(seat => (string?)seat!["seat_num"] == seatNum)!["available"]!.GetValue<bool>();
}
