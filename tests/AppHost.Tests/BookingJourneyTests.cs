using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Airline.TestSupport;
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
    public async Task Every_resource_is_running_and_healthy_flights_has_two_replicas_and_each_service_is_given_only_its_own_references()
    {
        var app = system.App;
        // The fixture waits for the gateway only; the web app, which waits for the gateway, may still be starting.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        foreach (var resource in new[] { "mysql", "flightsdb", "identitydb", "redis", "identity", "flights", "reservations", "gateway", "web" })
        {
            foreach (var replica in await app.ReplicaIdsAsync(resource))
            {
                await app.WaitForReplicaAsync(replica, state => state.IsHealthy(), timeout.Token);
            }
        }

        var flights = (await app.ReplicaIdsAsync("flights")).Select(app.Current).ToList();
        Assert.Equal(2, flights.Count);
        Assert.NotEqual(flights[0].ProcessId(), flights[1].ProcessId());
        Assert.Contains("Database=flightsdb", await app.GetConnectionStringAsync("flightsdb"));

        // DCP's proxy is the one address of both Flights.Api replicas; the gateway is given it, not the replicas'.
        var gateway = Environment(app, (await app.ReplicaIdsAsync("gateway")).Single());
        Assert.Equal(app.GetEndpoint("flights", "http").ToString().TrimEnd('/'), gateway["services__flights__http__0"].TrimEnd('/'));
        Assert.False(gateway.ContainsKey("services__flights__http__1"));
        Assert.Equal(app.GetEndpoint("reservations", "http").ToString().TrimEnd('/'), gateway["services__reservations__http__0"].TrimEnd('/'));
        Assert.Equal(app.GetEndpoint("identity", "http").ToString().TrimEnd('/'), gateway["services__identity__http__0"].TrimEnd('/'));
        Assert.Equal(await app.GetConnectionStringAsync("redis"), gateway["ConnectionStrings__redis"]);
        Assert.DoesNotContain(gateway.Keys, key => key.StartsWith("ConnectionStrings__", StringComparison.Ordinal) && key != "ConnectionStrings__redis");

        // Each service owns its data: flightsdb is Flights.Api's, Redis Reservations.Api's (and the gateway's journal), identitydb Identity.Api's.
        foreach (var replica in await app.ReplicaIdsAsync("flights"))
        {
            var environment = Environment(app, replica);
            Assert.Equal(await app.GetConnectionStringAsync("flightsdb"), environment["ConnectionStrings__flightsdb"]);
            Assert.Equal(["ConnectionStrings__flightsdb"], environment.Keys.Where(key => key.StartsWith("ConnectionStrings__", StringComparison.Ordinal)));
            Assert.DoesNotContain(environment.Keys, key => key.StartsWith("services__", StringComparison.Ordinal));
        }

        var reservations = Environment(app, (await app.ReplicaIdsAsync("reservations")).Single());
        Assert.Equal(await app.GetConnectionStringAsync("redis"), reservations["ConnectionStrings__redis"]);
        Assert.Equal(["ConnectionStrings__redis"], reservations.Keys.Where(key => key.StartsWith("ConnectionStrings__", StringComparison.Ordinal)));
        Assert.DoesNotContain(reservations.Keys, key => key.StartsWith("services__flights", StringComparison.Ordinal));
        Assert.Equal(await app.GetConnectionStringAsync("identitydb"), Environment(app, (await app.ReplicaIdsAsync("identity")).Single())["ConnectionStrings__identitydb"]);
        Assert.Equal(app.GetEndpoint("gateway", "http").ToString().TrimEnd('/'), Environment(app, (await app.ReplicaIdsAsync("web")).Single())["services__gateway__http__0"].TrimEnd('/'));
    }

    /// <summary>The environment the replica's process was started with, as Aspire's snapshot of it shows.</summary>
    private static Dictionary<string, string> Environment(DistributedApplication app, string resourceId) =>
        app.Current(resourceId).Snapshot.EnvironmentVariables
            .Where(variable => variable.Value is not null)
            .ToDictionary(variable => variable.Name, variable => variable.Value!);

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
