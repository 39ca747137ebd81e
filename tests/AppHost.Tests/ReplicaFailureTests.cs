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
/// One of the two Flights.Api replicas is killed while 16 clients use the gateway: proxied reads, the seat chart
/// and booking (both composed from Flights.Api and Reservations.Api). The replica stays dead (the testing
/// builder restarts nothing), so every request after the kill is answered by the survivor or not at all.
/// </summary>
public sealed class ReplicaFailureTests(ITestOutputHelper output)
{
    private const int Clients = 16;
    private static readonly TimeSpan LoadBeforeKill = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan LoadAfterKill = TimeSpan.FromSeconds(8);
    private static readonly TimeSpan SettleLimit = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task Killing_a_Flights_Api_replica_under_load_fails_under_1_percent_of_requests_and_none_3_s_later()
    {
        var console = new CapturedOutput();
        // The load books and cancels hundreds of times a second per customer, far past a person's booking limit.
        await using var app = await TestApplication.StartAsync<Projects.AppHost>(output: console, configure: builder =>
            builder.Resources.OfType<Airline.Hosting.ApplicationModel.Resource>().Single(resource => resource.Name == "gateway")
                .Environment["RateLimits__booking__PermitLimit"] = "1000000");
        using var gateway = app.CreateHttpClient("gateway");
        var flightId = await gateway.FlightIdAsync();
        var seats = await AvailableSeatsAsync(gateway, flightId);
        using var identity = app.CreateHttpClient("identity");
        var customers = new List<Customer>();
        for (var client = 0; client < Clients; client++)
        {
            customers.Add(await Customers.SignUpAsync(identity));
        }

        var outcomes = new ConcurrentQueue<Outcome>();
        var clock = Stopwatch.StartNew();
        using var stopping = new CancellationTokenSource();
        var load = Enumerable.Range(0, Clients)
            .Select(client => Task.Run(() => RunClientAsync(gateway, client, customers[client], flightId, seats[client], clock, outcomes, stopping.Token)))
            .ToArray();

        await Task.Delay(LoadBeforeKill);
        var killedAt = clock.Elapsed;
        app.KillReplica("flights", 0);
        await Task.Delay(LoadAfterKill);
        await stopping.CancelAsync();
        await Task.WhenAll(load);

        var failures = outcomes.Where(outcome => !outcome.Succeeded).ToList();
        var afterKill = outcomes.Count(outcome => outcome.At > killedAt);
        var lateFailures = failures.Where(outcome => outcome.At > killedAt + SettleLimit).ToList();
        output.WriteLine($"{outcomes.Count} requests ({afterKill} after the kill), {failures.Count} failed: "
                         + string.Join(", ", failures.Select(failure => $"{failure.Request} {failure.Answer} at +{(failure.At - killedAt).TotalMilliseconds:0} ms")));
        if (failures.Count > 0)
        {
            output.WriteLine(console.Tail(40));
        }

        Assert.True(afterKill > 10 * Clients, $"Only {afterKill} requests were answered after the kill.");
        Assert.True(failures.Count < outcomes.Count / 100.0, $"{failures.Count} of {outcomes.Count} requests failed.");
        Assert.Empty(lateFailures);
        Assert.False(app.ResourceNotifications.TryGetCurrentState("flights")!.Replicas![0].Running);
    }

    /// <summary>Each client uses one kind of request: proxied search, proxied seat map, seat chart, book and cancel.</summary>
    private static async Task RunClientAsync(
        HttpClient gateway, int client, Customer customer, string flightId, string seat, Stopwatch clock, ConcurrentQueue<Outcome> outcomes, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            switch (client % 4)
            {
                case 0:
                    await SendAsync("search", () => gateway.GetAsync("/flights?flight_no=AA2532"), HttpStatusCode.OK);
                    break;
                case 1:
                    await SendAsync("seat map", () => gateway.GetAsync("/flights/AA2532/seat_map"), HttpStatusCode.OK);
                    break;
                case 2:
                    await SendAsync("seat chart", () => gateway.GetAsync($"/api/flights/{flightId}/seats"), HttpStatusCode.OK);
                    break;
                default:
                    await SendAsync("book", () => gateway.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/reservations")
                    {
                        Content = JsonContent.Create(new { flight_id = flightId, seat_num = seat }),
                        Headers = { Authorization = customer.Authorization },
                    }), HttpStatusCode.Created);
                    await SendAsync("cancel", () => gateway.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/reservations/{flightId}/{seat}")
                    {
                        Headers = { Authorization = customer.Authorization },
                    }), HttpStatusCode.NoContent);
                    break;
            }
        }

        async Task SendAsync(string request, Func<Task<HttpResponseMessage>> send, HttpStatusCode expected)
        {
            string answer;
            try
            {
                using var response = await send();
                answer = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
                outcomes.Enqueue(new Outcome(request, clock.Elapsed, response.StatusCode == expected, answer));
            }
            catch (HttpRequestException exception)
            {
                outcomes.Enqueue(new Outcome(request, clock.Elapsed, false, exception.Message));
            }
            catch (TaskCanceledException)
            {
                outcomes.Enqueue(new Outcome(request, clock.Elapsed, false, "timed out"));
            }
        }
    }

    private static async Task<string[]> AvailableSeatsAsync(HttpClient gateway, string flightId)
    {
        var chart = await gateway.GetFromJsonAsync<JsonObject>($"/api/flights/{flightId}/seats");
        return [.. chart!["seat_map"]!["cabins"]!.AsArray()
            .SelectMany(cabin => cabin!["rows"]!.AsArray())
            .SelectMany(row => row!["seats"]!.AsArray())
            .Where(seat => seat!["available"]!.GetValue<bool>())
            .Select(seat => (string)seat!["seat_num"]!)
            .Take(Clients)];
    }

    private sealed record Outcome(string Request, TimeSpan At, bool Succeeded, string Answer);
}
