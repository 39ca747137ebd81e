using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Airline.TestSupport.Identity;
using Microsoft.Extensions.DependencyInjection;
using Yarp.ReverseProxy;

namespace Gateway.Tests;

public sealed class GatewayTests(GatewaySystemFixture system) : IClassFixture<GatewaySystemFixture>
{
    private const string ProblemJson = "application/problem+json";

    private readonly HttpClient _gateway = system.Gateway;

    [Fact]
    public async Task Proxies_flight_search_to_Flights_Api()
    {
        var flights = await _gateway.GetFromJsonAsync<JsonArray>("/flights?flight_no=AA2532");

        Assert.NotNull(flights);
        Assert.True(flights.Count >= 30);
        Assert.All(flights, flight => Assert.Equal("LAX", (string?)flight!["origin_code"]));
    }

    [Fact]
    public async Task Passes_on_the_problem_details_of_Flights_Api()
    {
        using var response = await _gateway.GetAsync("/flights?flight_no=not-a-flight");

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("POST", "/flights")]
    [InlineData("DELETE", "/flights/2f1c7f0e-8d1e-4f41-9a55-3c1b8f0d2a11")]
    [InlineData("PUT", "/flights/AA2532/seat_map")]
    public async Task Only_reads_of_flights_are_proxied(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Headers = { { "Accept", "text/html" } } };
        using var response = await _gateway.SendAsync(request);

        await AssertProblemAsync(response, HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task The_reservations_listing_is_not_reachable()
    {
        using var response = await _gateway.GetAsync($"/reservations?flight_id={await FlightIdAsync(0)}");

        await AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Seat_chart_shows_the_flight_its_seats_and_which_are_taken()
    {
        var flightId = await FlightIdAsync(1);
        var alice = await system.Identity.SignUpAsync();
        using var booked = await ReserveAsync(alice, flightId, "12C");
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);

        var chart = await SeatChartAsync(flightId);

        Assert.Equal(flightId, (string?)chart["flight"]!["flight_id"]);
        Assert.Equal("AA2532", (string?)chart["seat_map"]!["flight_no"]);
        var seats = Seats(chart);
        Assert.Equal(seats.Count, (int)chart["seats_total"]!);
        Assert.True(seats.Count >= 100);
        Assert.Equal(seats.Count - 1, (int)chart["seats_available"]!);
        Assert.False((bool)seats["12C"]["available"]!);
        Assert.All(seats.Where(s => s.Key != "12C"), seat => Assert.True((bool)seat.Value["available"]!));
        Assert.DoesNotContain(alice.UserId, chart.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seat_chart_of_an_unknown_flight_is_404_and_of_a_malformed_id_400()
    {
        using var unknown = await _gateway.GetAsync($"/api/flights/{Guid.NewGuid()}/seats");
        using var malformed = await _gateway.GetAsync("/api/flights/not-a-uuid/seats");

        await AssertProblemAsync(unknown, HttpStatusCode.NotFound);
        var problem = await AssertProblemAsync(malformed, HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["flight_id"]);
    }

    [Fact]
    public async Task Booking_is_201_then_200_for_the_same_customer_and_409_for_another()
    {
        var flightId = await FlightIdAsync(2);
        var (alice, bob) = (await system.Identity.SignUpAsync(), await system.Identity.SignUpAsync());

        using var first = await ReserveAsync(alice, flightId, "3A");
        using var retry = await ReserveAsync(alice, flightId, "3A", customerId: alice.UserId);
        using var other = await ReserveAsync(bob, flightId, "3A");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var reservation = await first.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(flightId, (string?)reservation!["flight_id"]);
        Assert.Equal("3A", (string?)reservation["seat_num"]);
        Assert.Equal(alice.UserId, (string?)reservation["customer_id"]);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        await AssertProblemAsync(other, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Booking_a_seat_or_flight_that_does_not_exist_is_404()
    {
        var flightId = await FlightIdAsync(3);
        var alice = await system.Identity.SignUpAsync();

        using var noSuchSeat = await ReserveAsync(alice, flightId, "99K");
        using var noSuchFlight = await ReserveAsync(alice, Guid.NewGuid().ToString(), "12C");

        var seatProblem = await AssertProblemAsync(noSuchSeat, HttpStatusCode.NotFound);
        Assert.Contains("99K", (string?)seatProblem["detail"]);
        await AssertProblemAsync(noSuchFlight, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Invalid_bookings_are_400_naming_the_fields()
    {
        var alice = await system.Identity.SignUpAsync();

        using var missing = await SendAsync(alice, HttpMethod.Post, "/api/reservations", JsonContent.Create(new { seat_num = "12C" }));
        using var malformedJson = await SendAsync(alice, HttpMethod.Post, "/api/reservations",
            new StringContent("{\"flight_id\": ", Encoding.UTF8, "application/json"));

        var problem = await AssertProblemAsync(missing, HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["flight_id"]);
        await AssertProblemAsync(malformedJson, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Cancelling_frees_the_seat_and_only_its_holder_may_cancel()
    {
        var flightId = await FlightIdAsync(4);
        var (alice, bob) = (await system.Identity.SignUpAsync(), await system.Identity.SignUpAsync());
        using var booked = await ReserveAsync(alice, flightId, "7F");
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);

        using var byOther = await SendAsync(bob, HttpMethod.Delete, $"/api/reservations/{flightId}/7F");
        using var byHolder = await SendAsync(alice, HttpMethod.Delete, $"/api/reservations/{flightId}/7F");
        using var again = await SendAsync(alice, HttpMethod.Delete, $"/api/reservations/{flightId}/7F");

        await AssertProblemAsync(byOther, HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.NoContent, byHolder.StatusCode);
        await AssertProblemAsync(again, HttpStatusCode.NotFound);
        Assert.True((bool)Seats(await SeatChartAsync(flightId))["7F"]["available"]!);
        using var rebooked = await ReserveAsync(bob, flightId, "7F");
        Assert.Equal(HttpStatusCode.Created, rebooked.StatusCode);
    }

    [Fact]
    public async Task Without_Reservations_Api_the_chart_and_booking_are_503_never_a_guess()
    {
        var flightId = await FlightIdAsync(5);
        var gateway = system.GatewayWithoutReservations;
        var alice = await system.Identity.SignUpAsync();

        using var chart = await gateway.GetAsync($"/api/flights/{flightId}/seats");
        using var booking = await gateway.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/reservations")
        {
            Content = JsonContent.Create(new { flight_id = flightId, seat_num = "12C" }),
            Headers = { Authorization = alice.Authorization },
        });

        await AssertProblemAsync(chart, HttpStatusCode.ServiceUnavailable);
        Assert.NotNull(chart.Headers.RetryAfter);
        await AssertProblemAsync(booking, HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task Without_Flights_Api_a_proxied_read_is_a_gateway_error_as_problem_details()
    {
        using var response = await system.GatewayWithoutFlights.GetAsync("/flights?flight_no=AA2532");

        await AssertProblemAsync(response, HttpStatusCode.BadGateway);
    }

    [Fact]
    public async Task Every_Flights_Api_replica_is_a_proxy_destination_and_reads_the_dead_one_refuses_are_answered_by_the_other()
    {
        var gateway = system.GatewayWithADeadFlightsReplica;
        using var client = gateway.CreateClient();

        for (var read = 0; read < 6; read++)
        {
            using var response = await client.GetAsync("/flights?flight_no=AA2532");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.True(gateway.Services.GetRequiredService<IProxyStateLookup>().TryGetCluster("flights", out var cluster));
        var destinations = cluster.Destinations.Values.Select(destination => destination.Model.Config.Address).ToList();
        Assert.Equal(2, destinations.Count);
        Assert.Contains(system.Flights.ToString(), destinations);
    }

    [Fact]
    public async Task One_trace_spans_the_gateway_and_the_service_behind_it()
    {
        using var clientSpan = new Activity("booking-client").SetIdFormat(ActivityIdFormat.W3C).Start();
        var traceId = clientSpan.TraceId;
        var serverSpans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStarted = activity =>
            {
                if (activity.TraceId == traceId)
                {
                    lock (serverSpans)
                    {
                        serverSpans.Add(activity);
                    }
                }
            },
        };
        ActivitySource.AddActivityListener(listener);

        using var response = await _gateway.GetAsync("/flights?flight_no=AA2532");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        lock (serverSpans)
        {
            Assert.Equal(2, serverSpans.Count);
            Assert.Single(serverSpans, span => span.GetTagItem("server.address") is "flights");
        }
    }

    private async Task<string> FlightIdAsync(int day)
    {
        var flights = await _gateway.GetFromJsonAsync<JsonArray>("/flights?flight_no=AA2532");
        return (string)flights![day]!["flight_id"]!;
    }

    private Task<HttpResponseMessage> ReserveAsync(Customer customer, string flightId, string seatNum, string? customerId = null) =>
        SendAsync(customer, HttpMethod.Post, "/api/reservations",
            JsonContent.Create(new Dictionary<string, string?> { ["flight_id"] = flightId, ["seat_num"] = seatNum, ["customer_id"] = customerId }));

    private Task<HttpResponseMessage> SendAsync(Customer customer, HttpMethod method, string path, HttpContent? content = null) =>
        _gateway.SendAsync(new HttpRequestMessage(method, path) { Content = content, Headers = { Authorization = customer.Authorization } });

    private async Task<JsonObject> SeatChartAsync(string flightId) =>
        (await _gateway.GetFromJsonAsync<JsonObject>($"/api/flights/{flightId}/seats"))!;

    private static Dictionary<string, JsonNode> Seats(JsonObject chart) =>
        chart["seat_map"]!["cabins"]!.AsArray()
            .SelectMany(cabin => cabin!["rows"]!.AsArray())
            .SelectMany(row => row!["seats"]!.AsArray())
            .ToDictionary(seat => (string)seat!["seat_num"]!, seat => seat!);

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
