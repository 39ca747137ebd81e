using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Airline.TestSupport;
using Airline.TestSupport.Identity;
using Xunit.Abstractions;

namespace AppHost.Tests;

/// <summary>
/// One of the two Flights.Api replicas is killed while 20 clients use the gateway: the proxied routes and every BFF
/// endpoint. The replica stays dead (the testing builder restarts nothing), so every request after the kill is
/// answered by the survivor or not at all. The gateway keeps no flights or seat maps here, so every BFF request that
/// needs them reads them from Flights.Api.
/// </summary>
public sealed class ReplicaFailureTests(ITestOutputHelper output)
{
    private const int Clients = 20;
    private static readonly TimeSpan LoadBeforeKill = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan LoadAfterKill = TimeSpan.FromSeconds(8);
    private static readonly TimeSpan SettleLimit = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan WarmUpLimit = TimeSpan.FromSeconds(30);

    /// <summary>One kind of load per client, in turn; each client uses its own two seats.</summary>
    private enum Load
    {
        Search,
        SeatMap,
        SeatChart,
        BookAndCancel,
        SearchByPassengers,
        HoldAndRelease,
        HoldAndConfirm,
        Trips,
        RebookBackAndForth,
        MyReservations,
    }

    [Fact]
    public async Task Killing_a_Flights_Api_replica_under_load_fails_under_1_percent_of_requests_and_none_3_s_later()
    {
        var console = new CapturedOutput();
        await using var system = await TestApplication.StartAsync<Projects.AppHost>(output: console, configure: builder =>
            builder.CreateResourceBuilder<ProjectResource>("gateway")
                // The load books and cancels hundreds of times a second per customer, far past a person's booking limit.
                .WithEnvironment("RateLimits__booking__PermitLimit", "1000000")
                // Kept for 30 s, flights and seat maps read before the kill would answer every BFF request after it.
                .WithEnvironment("FlightsCache__Expiry", "00:00:00"));
        var app = system.App;
        // Each request is sent once: a retry would hide the failures this test counts.
        using var gateway = app.CreateClientWithoutRetries("gateway");
        var flight = await FlightAsync(gateway, await gateway.FlightIdAsync());
        var seats = await AvailableSeatsAsync(gateway, flight.Id);
        using var identity = app.CreateClientWithoutRetries("identity");
        var clients = new List<Client>();
        for (var client = 0; client < Clients; client++)
        {
            var load = (Load)(client % Enum.GetValues<Load>().Length);
            clients.Add(new Client(load, await Customers.SignUpAsync(identity), flight, seats[2 * client], seats[(2 * client) + 1]));
            if (load is Load.Trips or Load.RebookBackAndForth or Load.MyReservations)
            {
                await BookAsync(gateway, clients[^1]);
            }
        }

        var outcomes = new ConcurrentQueue<Outcome>();
        var clock = Stopwatch.StartNew();
        using var stopping = new CancellationTokenSource();
        var runs = clients.Select(client => new ClientRun(gateway, client, clock, outcomes)).ToList();
        var running = runs.Select(run => Task.Run(() => run.RunAsync(stopping.Token))).ToArray();

        // The first round of each client warms the gateway's paths up; the kill comes once every kind of load flows.
        await Task.WhenAll(runs.Select(run => run.FirstRoundDone)).WaitAsync(WarmUpLimit);
        await Task.Delay(LoadBeforeKill);
        var replicas = await app.ReplicaIdsAsync("flights");
        var (killed, survivor) = (replicas[0], replicas[1]);
        var survivorProcess = app.Current(survivor).ServiceProcessId();
        var killedAt = clock.Elapsed;
        await app.KillAsync(killed);
        using var timeout = new CancellationTokenSource(WarmUpLimit);
        var ended = await app.WaitForReplicaAsync(killed, replica => replica.HasEnded(), timeout.Token);
        var endSeenAfter = clock.Elapsed - killedAt;
        if (LoadAfterKill - endSeenAfter is { Ticks: > 0 } rest)
        {
            await Task.Delay(rest);
        }
        await stopping.CancelAsync();
        await Task.WhenAll(running);

        var failures = outcomes.Where(outcome => !outcome.Succeeded).ToList();
        var afterKill = outcomes.Count(outcome => outcome.At > killedAt);
        var lateFailures = failures.Where(outcome => outcome.At > killedAt + SettleLimit).ToList();
        output.WriteLine($"{outcomes.Count} requests ({afterKill} after the kill at +{killedAt.TotalMilliseconds:0} ms), {failures.Count} failed; "
                         + $"{ended.Describe()} seen after {endSeenAfter.TotalMilliseconds:0} ms.");
        foreach (var kind in outcomes.GroupBy(outcome => outcome.Request).OrderBy(kind => kind.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {kind.Key}: {kind.Count()} ({kind.Count(outcome => outcome.At > killedAt)} after the kill), "
                             + $"{kind.Count(outcome => !outcome.Succeeded)} failed"
                             + string.Concat(kind.Where(outcome => !outcome.Succeeded)
                                 .Select(failure => $"; {failure.Answer} at +{(failure.At - killedAt).TotalMilliseconds:0} ms")));
        }

        if (failures.Count > 0)
        {
            output.WriteLine(console.Tail(40));
        }

        Assert.True(afterKill > 10 * Clients, $"Only {afterKill} requests were answered after the kill.");
        Assert.True(failures.Count < outcomes.Count / 100.0, $"{failures.Count} of {outcomes.Count} requests failed.");
        Assert.Empty(lateFailures);
        Assert.True(app.Current(killed).HasEnded(), app.Current(killed).Describe());
        Assert.True(app.Current(survivor).IsRunning(), app.Current(survivor).Describe());
        Assert.Equal(survivorProcess, app.Current(survivor).ServiceProcessId());
    }

    private sealed record Flight(string Id, string OriginCode, string DestinationCode, string Date);

    /// <summary>A client's kind of load, its customer and its own two seats; it holds <see cref="Seat"/> when its load starts from a reservation.</summary>
    private sealed record Client(Load Load, Customer Customer, Flight Flight, string Seat, string OtherSeat);

    private sealed record Outcome(string Request, TimeSpan At, bool Succeeded, string Answer);

    /// <summary>
    /// One client's requests in a loop, each checked against the one answer its own seats allow: a seat of its own
    /// is always free, held or reserved by it alone.
    /// </summary>
    private sealed class ClientRun(HttpClient gateway, Client client, Stopwatch clock, ConcurrentQueue<Outcome> outcomes)
    {
        private readonly Flight _flight = client.Flight;
        private string _reserved = client.Seat;
        private string _free = client.OtherSeat;
        private readonly TaskCompletionSource _firstRoundDone = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task FirstRoundDone => _firstRoundDone.Task;

        public async Task RunAsync(CancellationToken stopping)
        {
            for (; !stopping.IsCancellationRequested; _firstRoundDone.TrySetResult())
            {
                await (client.Load switch
                {
                    Load.Search => SearchAsync(),
                    Load.SeatMap => SendAsync("seat map", Get("/flights/AA2532/seat_map"), HttpStatusCode.OK),
                    Load.SeatChart => SendAsync("seat chart", Get($"/api/flights/{_flight.Id}/seats"), HttpStatusCode.OK),
                    Load.BookAndCancel => BookAndCancelAsync(),
                    Load.SearchByPassengers => SearchByPassengersAsync(),
                    Load.HoldAndRelease => HoldAndReleaseAsync(),
                    Load.HoldAndConfirm => HoldAndConfirmAsync(),
                    Load.Trips => TripsAsync(),
                    Load.RebookBackAndForth => RebookAsync(),
                    _ => SendAsync("my reservations", Authorized(HttpMethod.Get, "/api/me/reservations"), HttpStatusCode.OK,
                        body => Single(body)?["seat_num"]?.GetValue<string>() == _reserved),
                });
            }
        }

        private Task SearchAsync() =>
            SendAsync("search", Get("/flights?flight_no=AA2532"), HttpStatusCode.OK, body => Lists(body, _flight.Id));

        private Task SearchByPassengersAsync() =>
            SendAsync("search by passengers", Get(
                    $"/api/flights?origin_code={_flight.OriginCode}&destination_code={_flight.DestinationCode}&date={_flight.Date}&passengers=2"),
                HttpStatusCode.OK, body => Lists(body, _flight.Id));

        private async Task BookAndCancelAsync()
        {
            await SendAsync("book", Authorized(HttpMethod.Post, "/api/reservations", new { flight_id = _flight.Id, seat_num = _reserved }), HttpStatusCode.Created);
            await CancelAsync();
        }

        private async Task HoldAndReleaseAsync()
        {
            if (await HoldAsync() is { } holdId)
            {
                await SendAsync("release hold", Authorized(HttpMethod.Delete, $"/api/holds/{holdId}"), HttpStatusCode.NoContent);
            }
        }

        private async Task HoldAndConfirmAsync()
        {
            if (await HoldAsync() is { } holdId
                && await SendAsync("confirm hold", Authorized(HttpMethod.Post, $"/api/holds/{holdId}/confirm"), HttpStatusCode.Created) is not null)
            {
                await CancelAsync();
            }
        }

        private Task TripsAsync() =>
            SendAsync("trips", Authorized(HttpMethod.Get, "/api/me/trips"), HttpStatusCode.OK, body =>
                Single(body) is { } trip && trip["flight"] is not null && Single(trip["reserved_seats"])?.GetValue<string>() == _reserved);

        /// <summary>Moves the client's reservation to its other seat; a refused rebooking keeps the original.</summary>
        private async Task RebookAsync()
        {
            if (await SendAsync("rebook", Authorized(HttpMethod.Post, $"/api/reservations/{_flight.Id}/{_reserved}/rebook",
                    new { flight_id = _flight.Id, seat_num = _free }), HttpStatusCode.OK) is not null)
            {
                (_reserved, _free) = (_free, _reserved);
            }
        }

        private async Task<string?> HoldAsync() =>
            (string?)(await SendAsync("hold", Authorized(HttpMethod.Post, "/api/holds", new { flight_id = _flight.Id, seats = new[] { _reserved } }),
                HttpStatusCode.Created))?["hold_id"];

        private Task CancelAsync() =>
            SendAsync("cancel", Authorized(HttpMethod.Delete, $"/api/reservations/{_flight.Id}/{_reserved}"), HttpStatusCode.NoContent);

        private static Func<HttpRequestMessage> Get(string path) => () => new HttpRequestMessage(HttpMethod.Get, path);

        private Func<HttpRequestMessage> Authorized(HttpMethod method, string path, object? body = null) => () => new HttpRequestMessage(method, path)
        {
            Content = body is null ? null : JsonContent.Create(body),
            Headers = { Authorization = client.Customer.Authorization },
        };

        private static JsonNode? Single(JsonNode? list) => list is JsonArray { Count: 1 } array ? array[0] : null;

        private static bool Lists(JsonNode? flights, string flightId) =>
            flights is JsonArray list && list.Any(flight => (string?)(flight!["flight_id"] ?? flight["flight"]?["flight_id"]) == flightId);

        /// <summary>Sends the request and records its outcome; the body of the expected answer, or null.</summary>
        private async Task<JsonNode?> SendAsync(string request, Func<HttpRequestMessage> create, HttpStatusCode expected, Func<JsonNode?, bool>? isRight = null)
        {
            try
            {
                using var message = create();
                using var response = await gateway.SendAsync(message);
                var answer = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
                var body = Parse(await response.Content.ReadAsStringAsync());
                var succeeded = response.StatusCode == expected && (isRight?.Invoke(body) ?? true);
                outcomes.Enqueue(new Outcome(request, clock.Elapsed, succeeded, succeeded ? answer : $"{answer} {body?.ToJsonString()}"));
                return succeeded ? body ?? new JsonObject() : null;
            }
            catch (HttpRequestException exception)
            {
                outcomes.Enqueue(new Outcome(request, clock.Elapsed, false, exception.Message));
            }
            catch (TaskCanceledException)
            {
                outcomes.Enqueue(new Outcome(request, clock.Elapsed, false, "timed out"));
            }

            return null;
        }
    }

    private static JsonNode? Parse(string body)
    {
        try
        {
            return body.Length == 0 ? null : JsonNode.Parse(body);
        }
        catch (System.Text.Json.JsonException)
        {
            return JsonValue.Create(body);
        }
    }

    private static async Task<Flight> FlightAsync(HttpClient gateway, string flightId)
    {
        var flight = (await gateway.GetFromJsonAsync<JsonObject>($"/flights/{flightId}"))!;
        var departure = DateTime.Parse((string)flight["departure_time"]!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
        return new Flight(flightId, (string)flight["origin_code"]!, (string)flight["destination_code"]!,
            departure.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    private static async Task BookAsync(HttpClient gateway, Client client)
    {
        using var response = await gateway.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/reservations")
        {
            Content = JsonContent.Create(new { flight_id = client.Flight.Id, seat_num = client.Seat }),
            Headers = { Authorization = client.Customer.Authorization },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static async Task<string[]> AvailableSeatsAsync(HttpClient gateway, string flightId)
    {
        var chart = await gateway.GetFromJsonAsync<JsonObject>($"/api/flights/{flightId}/seats");
        return [.. chart!["seat_map"]!["cabins"]!.AsArray()
            .SelectMany(cabin => cabin!["rows"]!.AsArray())
            .SelectMany(row => row!["seats"]!.AsArray())
            .Where(seat => seat!["available"]!.GetValue<bool>())
            .Select(seat => (string)seat!["seat_num"]!)
            .Take(2 * Clients)];
    }
}
