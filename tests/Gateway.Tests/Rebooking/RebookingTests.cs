using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Airline.TestSupport.Identity;
using Airline.TestSupport.Servers;
using Gateway.Model;
using Gateway.Rebooking;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Gateway.Tests.Rebooking;

/// <summary>
/// Rebooking through real Flights.Api, Reservations.Api, Identity.Api and Redis. Failures are injected into a gateway's
/// calls to Reservations.Api at every step; whatever happens, the customer ends with exactly one of the two seats.
/// </summary>
public sealed class RebookingTests(RebookingSystemFixture fixture) : IClassFixture<RebookingSystemFixture>
{
    private static readonly TimeSpan EndLimit = TimeSpan.FromSeconds(30);

    private readonly GatewaySystemFixture _system = fixture.System;

    [Fact]
    public async Task Rebooking_to_another_seat_of_the_same_flight_moves_the_reservation()
    {
        var (customer, original) = await BookAsync(day: 10, "10A");
        var requested = original with { SeatNum = "10B" };

        using var response = await RebookAsync(customer, original, requested);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("rebooked", (string?)answer["outcome"]);
        Assert.True((bool)answer["completed"]!);
        Assert.Equal("10B", (string?)answer["reservation"]!["seat_num"]);
        Assert.Equal("10A", (string?)answer["original"]!["seat_num"]);
        Assert.False(string.IsNullOrEmpty((string?)answer["rebooking_id"]));
        Assert.Equal([Key(requested)], await SeatsHeldAsync(customer, original, requested));
    }

    [Fact]
    public async Task Rebooking_to_a_seat_of_another_flight_moves_the_reservation_and_frees_the_original_for_others()
    {
        var (customer, original) = await BookAsync(day: 11, "11A");
        var requested = new Reservation(await FlightIdAsync(12), "11C", customer.UserId);

        using var response = await RebookAsync(customer, original, requested);
        var other = await _system.Identity.SignUpAsync();
        using var othersBooking = await SendAsync(other, HttpMethod.Post, "/api/reservations",
            JsonContent.Create(new { flight_id = original.FlightId, seat_num = original.SeatNum }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(requested.FlightId, (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["reservation"]!["flight_id"]);
        Assert.Equal([Key(requested)], await SeatsHeldAsync(customer, original, requested));
        Assert.Equal(HttpStatusCode.Created, othersBooking.StatusCode);
    }

    [Fact]
    public async Task Rebooking_to_a_taken_seat_is_409_naming_the_kept_original()
    {
        var (customer, original) = await BookAsync(day: 13, "13A");
        var (_, taken) = await BookAsync(day: 13, "13B");

        using var response = await RebookAsync(customer, original, original with { SeatNum = taken.SeatNum });

        var problem = await AssertProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal("kept_original", (string?)problem["outcome"]);
        Assert.Equal("13A", (string?)problem["reservation"]!["seat_num"]);
        Assert.Equal([Key(original)], await SeatsHeldAsync(customer, original, original with { SeatNum = "13B" }));
    }

    [Fact]
    public async Task Rebooking_to_a_flight_that_has_departed_is_409_flight_has_departed_and_keeps_the_original()
    {
        var (customer, original) = await BookAsync(day: 11, "11F");
        var departed = new Reservation(await AddDepartedFlightAsync(), "11F", customer.UserId);

        using var response = await RebookAsync(customer, original, departed);

        var problem = await AssertProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal("flight has departed", (string?)problem["title"]);
        Assert.Equal([Key(original)], await SeatsHeldAsync(customer, original, departed));
    }

    [Fact]
    public async Task Rebooking_to_a_seat_the_customer_already_holds_is_409_and_keeps_both()
    {
        var (customer, original) = await BookAsync(day: 13, "13C");
        var alsoHeld = original with { SeatNum = "13D" };
        using var booked = await SendAsync(customer, HttpMethod.Post, "/api/reservations", JsonContent.Create(new { flight_id = alsoHeld.FlightId, seat_num = "13D" }));

        using var response = await RebookAsync(customer, original, alsoHeld);

        await AssertProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal([Key(original), Key(alsoHeld)], await SeatsHeldAsync(customer, original, alsoHeld));
    }

    [Fact]
    public async Task Rebooking_another_customers_reservation_is_403_and_one_nobody_holds_is_404()
    {
        var (_, alices) = await BookAsync(day: 14, "14A");
        var mallory = await _system.Identity.SignUpAsync();

        using var notYours = await RebookAsync(mallory, alices, alices with { SeatNum = "14B" });
        using var none = await RebookAsync(mallory, alices with { SeatNum = "14C" }, alices with { SeatNum = "14D" });

        await AssertProblemAsync(notYours, HttpStatusCode.Forbidden);
        await AssertProblemAsync(none, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Rebooking_to_a_seat_the_flight_lacks_is_404_and_to_the_reservations_own_seat_400_and_both_change_nothing()
    {
        var (customer, original) = await BookAsync(day: 15, "15A");

        using var noSuchSeat = await RebookAsync(customer, original, original with { SeatNum = "99Z" });
        using var sameSeat = await RebookAsync(customer, original, original);

        await AssertProblemAsync(noSuchSeat, HttpStatusCode.NotFound);
        await AssertProblemAsync(sameSeat, HttpStatusCode.BadRequest);
        Assert.Equal([Key(original)], await SeatsHeldAsync(customer, original));
    }

    [Fact]
    public async Task Rebooking_without_a_token_is_401_and_with_a_malformed_body_400()
    {
        var (customer, original) = await BookAsync(day: 15, "15B");

        using var anonymous = await _system.Gateway.PostAsJsonAsync($"/api/reservations/{original.FlightId}/15B/rebook", new { flight_id = original.FlightId, seat_num = "15C" });
        using var malformed = await SendAsync(customer, HttpMethod.Post, $"/api/reservations/{original.FlightId}/15B/rebook",
            JsonContent.Create(new { flight_id = "not-a-uuid" }));

        await AssertProblemAsync(anonymous, HttpStatusCode.Unauthorized);
        var problem = await AssertProblemAsync(malformed, HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["flight_id"]);
        Assert.NotNull(problem["errors"]!["seat_num"]);
    }

    [Fact]
    public async Task Reservations_unreachable_when_reserving_the_new_seat_is_503_with_retry_after_naming_the_kept_original()
    {
        var faults = new ReservationsFaults();
        var gateway = fixture.StartGateway(faults);
        var (customer, original) = await BookAsync(day: 16, "16A");
        faults.Arm(HttpMethod.Put, "16B", Fault.Unreachable);

        using var response = await RebookAsync(customer, original, original with { SeatNum = "16B" }, gateway.CreateClient());

        var problem = await AssertProblemAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Equal("kept_original", (string?)problem["outcome"]);
        Assert.Equal("16A", (string?)problem["reservation"]!["seat_num"]);
        await AssertEndsHoldingAsync(customer, original, original with { SeatNum = "16B" }, holding: original, gateway);
    }

    [Fact]
    public async Task The_gateways_Redis_down_when_a_rebooking_begins_is_503_naming_the_original_and_changes_nothing()
    {
        var gateway = fixture.StartGateway(redis: $"127.0.0.1:{Airline.Hosting.LocalServers.FreePort.Next()},password=nobody-listens");
        var (customer, original) = await BookAsync(day: 16, "16C");
        var requested = original with { SeatNum = "16D" };

        using var response = await RebookAsync(customer, original, requested, gateway.CreateClient());

        var problem = await AssertProblemAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.Equal("kept_original", (string?)problem["outcome"]);
        Assert.Equal("16C", (string?)problem["reservation"]!["seat_num"]);
        Assert.Equal([Key(original)], await SeatsHeldAsync(customer, original, requested));
    }

    [Fact]
    public async Task The_gateways_Redis_losing_the_answer_to_a_rebookings_beginning_is_503_and_leaves_the_original_free_to_rebook_at_once()
    {
        await using var relay = new RedisRelay(BackingServer.Host, _system.Redis.Port);
        var gateway = fixture.StartGateway(redis: $"{BackingServer.Host}:{relay.Port},password={_system.Redis.Password}");
        var (customer, original) = await BookAsync(day: 17, "17C");
        var requested = original with { SeatNum = "17D" };
        using (var connected = await RebookAsync(customer, original, requested, gateway.CreateClient()))
        {
            Assert.Equal(HttpStatusCode.OK, connected.StatusCode);
        }

        relay.HoldReplies();
        using (var timedOut = await RebookAsync(customer, requested, original, gateway.CreateClient()))
        {
            var problem = await AssertProblemAsync(timedOut, HttpStatusCode.ServiceUnavailable);
            Assert.Equal("17D", (string?)problem["reservation"]!["seat_num"]);
        }

        relay.ReleaseReplies();
        using var again = await RebookAsync(customer, requested, original, gateway.CreateClient());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal([Key(original)], await SeatsHeldAsync(customer, original, requested));
    }

    [Fact]
    public async Task Reservations_unreachable_when_releasing_the_original_is_202_naming_the_new_seat_and_the_recovery_releases_the_original()
    {
        var faults = new ReservationsFaults();
        var gateway = fixture.StartGateway(faults);
        var (customer, original) = await BookAsync(day: 17, "17A");
        var requested = original with { SeatNum = "17B" };
        faults.Arm(HttpMethod.Delete, "17A", Fault.Unreachable);

        using var response = await RebookAsync(customer, original, requested, gateway.CreateClient());

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var answer = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("rebooked", (string?)answer["outcome"]);
        Assert.False((bool)answer["completed"]!);
        Assert.Equal("17B", (string?)answer["reservation"]!["seat_num"]);
        await AssertEndsHoldingAsync(customer, original, requested, holding: requested, fixture.StartGateway());
    }

    [Fact]
    public async Task A_gateway_that_cannot_release_a_seat_leaves_the_rebooking_to_another_without_its_lease_running_out()
    {
        var faults = new ReservationsFaults();
        var gateway = fixture.StartGateway(faults, lease: TimeSpan.FromMinutes(10));
        var (customer, original) = await BookAsync(day: 29, "21A");
        var requested = original with { SeatNum = "21B" };
        faults.Arm(HttpMethod.Delete, "21A", Fault.Unreachable);

        using var response = await RebookAsync(customer, original, requested, gateway.CreateClient());

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await AssertEndsHoldingAsync(customer, original, requested, holding: requested, fixture.StartGateway());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_rebook_endpoint_and_its_answers()
    {
        var document = (await _system.Gateway.GetFromJsonAsync<JsonObject>("/openapi/v1.json"))!;

        var rebook = document["paths"]!["/api/reservations/{flight_id}/{seat_num}/rebook"]!["post"]!;
        Assert.Equal("Rebook", (string?)rebook["operationId"]);
        Assert.NotNull(rebook["requestBody"]);
        var statuses = rebook["responses"]!.AsObject().Select(response => response.Key).ToHashSet();
        Assert.Subset(statuses, new HashSet<string> { "200", "202", "400", "401", "403", "404", "409", "429", "503" });
    }

    [Fact]
    public async Task A_rebooking_is_a_span_with_a_span_per_step_and_per_compensation()
    {
        var spans = new System.Collections.Concurrent.ConcurrentQueue<System.Diagnostics.Activity>();
        using var listener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = source => source.Name == RebookingTelemetry.SourceName,
            Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) =>
                System.Diagnostics.ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        System.Diagnostics.ActivitySource.AddActivityListener(listener);
        var faults = new ReservationsFaults();
        var gateway = fixture.StartGateway(faults);
        var (customer, moved) = await BookAsync(day: 28, "20A");
        var (other, compensated) = await BookAsync(day: 28, "20C");
        faults.Arm(HttpMethod.Put, "20D", Fault.AnswerLost);

        using var rebooked = await RebookAsync(customer, moved, moved with { SeatNum = "20B" }, gateway.CreateClient());
        using var undone = await RebookAsync(other, compensated, compensated with { SeatNum = "20D" }, gateway.CreateClient());

        Assert.Equal(HttpStatusCode.OK, rebooked.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, undone.StatusCode);
        Assert.Equal(["rebook", "release original seat", "reserve new seat"], SpanNames(moved));
        Assert.Equal(["compensate: release new seat", "rebook", "reserve new seat"], SpanNames(compensated));
        foreach (var original in new[] { moved, compensated })
        {
            var root = spans.Single(span => span.OperationName == "rebook" && span.GetTagItem("rebooking.original") as string == Key(original));
            Assert.All(
                spans.Where(span => span.GetTagItem("rebooking.original") as string == Key(original) && span != root),
                span => Assert.Equal(root.SpanId, span.ParentSpanId));
        }

        string[] SpanNames(Reservation original) =>
            [.. spans.Where(span => span.GetTagItem("rebooking.original") as string == Key(original)).Select(span => span.OperationName).Order()];
    }

    /// <summary>
    /// A fault at each call of the saga; a crash is the gateway dying there, and another gateway (the restarted one)
    /// ending the rebooking from its journal. <paramref name="ends"/> is the seat the customer must end with.
    /// </summary>
    [Theory]
    [InlineData("PUT new", Fault.Unreachable, null, null, "original")]
    [InlineData("PUT new", Fault.AnswerLost, null, null, "original")]
    [InlineData("PUT new", Fault.CrashBeforeCall, null, null, "original")]
    [InlineData("PUT new", Fault.CrashAfterCall, null, null, "original")]
    [InlineData("PUT new", Fault.AnswerLost, "DELETE new", Fault.Unreachable, "original")]
    [InlineData("PUT new", Fault.AnswerLost, "DELETE new", Fault.CrashBeforeCall, "original")]
    [InlineData("PUT new", Fault.AnswerLost, "DELETE new", Fault.CrashAfterCall, "original")]
    [InlineData("DELETE original", Fault.Unreachable, null, null, "new")]
    [InlineData("DELETE original", Fault.AnswerLost, null, null, "new")]
    [InlineData("DELETE original", Fault.CrashBeforeCall, null, null, "new")]
    [InlineData("DELETE original", Fault.CrashAfterCall, null, null, "new")]
    public async Task A_fault_or_a_crash_at_any_step_ends_with_exactly_one_of_the_two_seats(
        string call, Fault fault, string? secondCall, Fault? secondFault, string ends)
    {
        var day = 18 + Interlocked.Increment(ref s_matrixRun) % 10;
        var faults = new ReservationsFaults();
        var gateway = fixture.StartGateway(faults);
        var (customer, original) = await BookAsync(day, SeatFor(call, fault, secondFault, "A"));
        var requested = original with { SeatNum = SeatFor(call, fault, secondFault, "B") };
        Arm(faults, call, fault, original, requested);
        if (secondCall is not null)
        {
            Arm(faults, secondCall, secondFault!.Value, original, requested);
        }

        RebookingResult? result = null;
        await using (var scope = gateway.Services.CreateAsyncScope())
        {
            try
            {
                result = await scope.ServiceProvider.GetRequiredService<RebookingSaga>()
                    .RebookAsync(customer.UserId, original, requested, CancellationToken.None);
            }
            catch (GatewayCrashedException)
            {
            }
        }

        var expected = ends == "new" ? requested : original;
        if (result is not null)
        {
            Assert.Equal(expected, result.Held);
        }

        await AssertEndsHoldingAsync(customer, original, requested, holding: expected, fixture.StartGateway());
    }

    private static int s_matrixRun;

    private static void Arm(ReservationsFaults faults, string call, Fault fault, Reservation original, Reservation requested)
    {
        var (method, seat) = call switch
        {
            "PUT new" => (HttpMethod.Put, requested.SeatNum),
            "DELETE new" => (HttpMethod.Delete, requested.SeatNum),
            _ => (HttpMethod.Delete, original.SeatNum),
        };
        faults.Arm(method, seat, fault);
    }

    /// <summary>A seat of its own for each case of the matrix: row from the case, letter A (original) or B (new).</summary>
    private static string SeatFor(string call, Fault fault, Fault? secondFault, string letter) =>
        $"{5 + (call.StartsWith("PUT", StringComparison.Ordinal) ? 0 : 10) + (int)fault + (secondFault is { } second ? 4 + (int)second : 0)}{letter}";

    /// <summary>
    /// Lets the gateway that stands for the restarted one recover until the rebooking has ended (its lock of the
    /// original seat is gone), then checks the customer holds exactly <paramref name="holding"/> of the two.
    /// </summary>
    private async Task AssertEndsHoldingAsync(Customer customer, Reservation original, Reservation requested, Reservation holding,
        Airline.TestSupport.KestrelServiceFactory<Gateway.Clients.FlightsClient> restarted)
    {
        var recovery = RebookingSystemFixture.RecoveryOf(restarted);
        var waiting = System.Diagnostics.Stopwatch.StartNew();
        while (await fixture.Redis.GetDatabase().KeyExistsAsync($"rebookings:seat:{original.FlightId}/{original.SeatNum}"))
        {
            Assert.True(waiting.Elapsed < EndLimit, $"the rebooking of {Key(original)} had not ended after {EndLimit}");
            await Task.Delay(200);
            await recovery.RecoverAsync();
        }

        Assert.Equal([Key(holding)], await SeatsHeldAsync(customer, original, requested));
    }

    private async Task<(Customer Customer, Reservation Reservation)> BookAsync(int day, string seatNum)
    {
        var customer = await _system.Identity.SignUpAsync();
        var flightId = await FlightIdAsync(day);
        using var booked = await SendAsync(customer, HttpMethod.Post, "/api/reservations", JsonContent.Create(new { flight_id = flightId, seat_num = seatNum }));
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        return (customer, new Reservation(flightId, seatNum, customer.UserId));
    }

    private Task<HttpResponseMessage> RebookAsync(Customer customer, Reservation original, Reservation requested, HttpClient? gateway = null) =>
        SendAsync(customer, HttpMethod.Post, $"/api/reservations/{original.FlightId}/{original.SeatNum}/rebook",
            JsonContent.Create(new { flight_id = requested.FlightId, seat_num = requested.SeatNum }), gateway);

    /// <summary>Which of <paramref name="seats"/> Reservations.Api says the customer holds.</summary>
    private async Task<string[]> SeatsHeldAsync(Customer customer, params Reservation[] seats)
    {
        using var reservations = new HttpClient { BaseAddress = _system.Reservations };
        reservations.DefaultRequestHeaders.Authorization = customer.Authorization;
        var held = (await reservations.GetFromJsonAsync<JsonArray>($"/customers/{customer.UserId}/reservations"))!
            .Select(reservation => $"{(string?)reservation!["flight_id"]}/{(string?)reservation["seat_num"]}");
        return [.. held.Where(seat => seats.Any(candidate => Key(candidate) == seat)).Order()];
    }

    private static string Key(Reservation seat) => $"{seat.FlightId}/{seat.SeatNum}";

    private Task<HttpResponseMessage> SendAsync(Customer customer, HttpMethod method, string path, HttpContent? content = null, HttpClient? gateway = null) =>
        (gateway ?? _system.Gateway).SendAsync(new HttpRequestMessage(method, path)
        {
            Content = content,
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", customer.AccessToken) },
        });

    private async Task<string> FlightIdAsync(int day)
    {
        var flights = await _system.Gateway.GetFromJsonAsync<JsonArray>("/flights?flight_no=AA2532");
        return (string)flights![day]!["flight_id"]!;
    }

    /// <summary>A flight that left yesterday, under a flight number of its own so the days of AA2532 stay as they are.</summary>
    private async Task<string> AddDepartedFlightAsync()
    {
        var flightId = Guid.NewGuid().ToString();
        await using var connection = new MySqlConnector.MySqlConnection(_system.MySql.GetConnectionString("flightsdb"));
        await connection.OpenAsync();
        await using var command = new MySqlConnector.MySqlCommand(
            "INSERT INTO flights (flight_id, flight_no, origin_code, destination_code, departure_time, arrival_time) VALUES (@id, 'ZZ0018', 'LAX', 'DCA', @departure, @arrival)",
            connection);
        command.Parameters.AddWithValue("@id", flightId);
        command.Parameters.AddWithValue("@departure", DateTime.UtcNow.AddDays(-1));
        command.Parameters.AddWithValue("@arrival", DateTime.UtcNow.AddDays(-1).AddHours(5));
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
        return flightId;
    }

    private static async Task<JsonObject> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal((int)status, (int)problem["status"]!);
        return problem;
    }
}
