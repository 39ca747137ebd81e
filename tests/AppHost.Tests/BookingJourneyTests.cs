using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace AppHost.Tests;

/// <summary>The book's journeys, through the gateway of the system the AppHost starts.</summary>
public sealed class BookingJourneyTests(SystemFixture system, ITestOutputHelper output) : IClassFixture<SystemFixture>, IDisposable
{
    private readonly HttpClient _gateway = system.Gateway;
    private readonly IDisposable _output = system.Output.During(output);

    public void Dispose() => _output.Dispose();

    [Fact]
    public async Task Find_a_flight_see_its_chart_reserve_be_refused_a_double_booking_cancel_and_see_the_seat_free()
    {
        var flights = await _gateway.GetFromJsonAsync<JsonArray>("/flights?origin_code=LAX&destination_code=DCA&date=" + Tomorrow());
        var flight = Assert.Single(flights!)!;
        Assert.Equal("AA2532", (string?)flight["flight_no"]);
        var flightId = (string)flight["flight_id"]!;

        var chart = await SeatChartAsync(flightId);
        var seatsAvailable = (int)chart["seats_available"]!;
        Assert.True(IsAvailable(chart, "14D"));

        using var booked = await ReserveAsync(flightId, "14D", "journey-alice");
        using var doubleBooked = await ReserveAsync(flightId, "14D", "journey-bob");
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, doubleBooked.StatusCode);

        chart = await SeatChartAsync(flightId);
        Assert.False(IsAvailable(chart, "14D"));
        Assert.Equal(seatsAvailable - 1, (int)chart["seats_available"]!);

        using var cancelled = await _gateway.DeleteAsync($"/api/reservations/{flightId}/14D?customer_id=journey-alice");
        Assert.Equal(HttpStatusCode.NoContent, cancelled.StatusCode);

        chart = await SeatChartAsync(flightId);
        Assert.True(IsAvailable(chart, "14D"));
        Assert.Equal(seatsAvailable, (int)chart["seats_available"]!);
    }

    [Fact]
    public async Task The_resources_are_wired_as_the_app_model_says()
    {
        var connectionString = await system.App.GetConnectionStringAsync("flightsdb");

        Assert.Contains("Database=flightsdb", connectionString);
        Assert.NotEqual(system.App.GetEndpoint("flights", 0), system.App.GetEndpoint("flights", 1));
        foreach (var resource in new[] { "mysql", "flightsdb", "redis", "flights", "reservations", "gateway" })
        {
            var state = system.App.ResourceNotifications.TryGetCurrentState(resource);
            Assert.True(state is { State: Airline.Hosting.Orchestration.ResourceState.Running, Healthy: true }, $"{resource}: {state}");
        }
    }

    private static string Tomorrow() => DateTime.UtcNow.Date.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private Task<HttpResponseMessage> ReserveAsync(string flightId, string seatNum, string customerId) =>
        _gateway.PostAsJsonAsync("/api/reservations", new { flight_id = flightId, seat_num = seatNum, customer_id = customerId });

    private async Task<JsonObject> SeatChartAsync(string flightId) =>
        (await _gateway.GetFromJsonAsync<JsonObject>($"/api/flights/{flightId}/seats"))!;

    private static bool IsAvailable(JsonObject chart, string seatNum) =>
        chart["seat_map"]!["cabins"]!.AsArray()
            .SelectMany(cabin => cabin!["rows"]!.AsArray())
            .SelectMany(row => row!["seats"]!.AsArray())
            .Single(seat => (string?)seat!["seat_num"] == seatNum)!["available"]!.GetValue<bool>();
}
