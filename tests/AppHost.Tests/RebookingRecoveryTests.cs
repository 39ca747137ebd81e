using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Airline.Hosting.Restarts;
using Airline.TestSupport;
using Airline.TestSupport.Identity;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace AppHost.Tests;

/// <summary>
/// The whole system with the gateway, Reservations.Api and Redis restarted on failure, and a gateway that waits
/// <see cref="Pause"/> between reserving the new seat and releasing the original, so that a test can kill a process
/// exactly between the two writes of a rebooking.
/// </summary>
public sealed class PausedRebookingSystemFixture : SystemFixture
{
    public static readonly TimeSpan Pause = TimeSpan.FromSeconds(4);

    /// <summary>Longer than the pause, so that the gateway's own recovery does not take over a rebooking it is driving.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(8);

    protected override void Configure(IDistributedApplicationTestingBuilder builder)
    {
        foreach (var name in new[] { "redis", "gateway", "reservations" })
        {
            builder.CreateResourceBuilder<IResource>(name).WithRestartPolicy(RestartPolicy.OnFailure(maxRetries: 5));
        }

        builder.CreateResourceBuilder<ProjectResource>("gateway")
            .WithEnvironment("Rebooking__PauseBeforeReleasingOriginal", Pause.ToString())
            .WithEnvironment("Rebooking__Lease", Lease.ToString())
            .WithEnvironment("Rebooking__RecoveryInterval", TimeSpan.FromSeconds(1).ToString());
    }
}

/// <summary>
/// A process killed between the two writes of a rebooking — the gateway, Reservations.Api or Redis — and afterwards the
/// customer holds exactly one of the two seats: the new one, since the rebooking had passed its point of no return.
/// </summary>
public sealed class RebookingRecoveryTests(PausedRebookingSystemFixture system, ITestOutputHelper output)
    : IClassFixture<PausedRebookingSystemFixture>, IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    private readonly IDisposable _output = system.Output.During(output);

    private DistributedApplication App => system.App;

    public void Dispose() => _output.Dispose();

    [Fact]
    public async Task The_gateway_killed_between_reserving_the_new_seat_and_releasing_the_original_finishes_the_rebooking_when_restarted()
    {
        var (customer, original) = await BookAsync(day: 5, "20A");
        var requested = original with { SeatNum = "20B" };
        var gateway = (await App.ReplicaIdsAsync("gateway")).Single();
        var restartsBefore = App.Current(gateway).Restarts();

        var rebooking = RebookAsync(customer, original, requested);
        await WaitForStepAsync(original, "releasing_original");
        await App.KillAsync(gateway);
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => rebooking);
        using var timeout = new CancellationTokenSource(Bound);
        await App.WaitForReplicaAsync(gateway, replica => replica.Restarts() == restartsBefore + 1 && replica.IsHealthy(), timeout.Token);

        await AssertEndsHoldingAsync(customer, original, requested, holding: requested);
    }

    [Theory]
    [InlineData("redis")]
    [InlineData("reservations")]
    public async Task A_backing_process_killed_between_reserving_the_new_seat_and_releasing_the_original_still_ends_with_the_new_seat_only(string killed)
    {
        var row = killed == "redis" ? 21 : 22;
        var (customer, original) = await BookAsync(day: 5, $"{row}A");
        var requested = original with { SeatNum = $"{row}B" };

        var rebooking = RebookAsync(customer, original, requested);
        await WaitForStepAsync(original, "releasing_original");
        await App.KillAsync((await App.ReplicaIdsAsync(killed)).Single());

        using var response = await rebooking;

        // 200 when the original could be released within the request, 202 when the recovery releases it later.
        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Accepted });
        var answer = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("rebooked", (string?)answer["outcome"]);
        Assert.Equal(requested.SeatNum, (string?)answer["reservation"]!["seat_num"]);
        output.WriteLine($"{killed} killed between the writes: {(int)response.StatusCode}, completed: {answer["completed"]}");
        await AssertEndsHoldingAsync(customer, original, requested, holding: requested);
    }

    private async Task<(Customer Customer, Seat Seat)> BookAsync(int day, string seatNum)
    {
        var customer = await Customers.SignUpAsync(system.Identity);
        var flights = await system.Gateway.GetFromJsonAsync<JsonArray>("/flights?flight_no=AA2532");
        var flightId = (string)flights![day]!["flight_id"]!;
        using var booked = await SendAsync(customer, "/api/reservations", new { flight_id = flightId, seat_num = seatNum });
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        return (customer, new Seat(flightId, seatNum));
    }

    private Task<HttpResponseMessage> RebookAsync(Customer customer, Seat original, Seat requested) =>
        SendAsync(customer, $"/api/reservations/{original.FlightId}/{original.SeatNum}/rebook", new { flight_id = requested.FlightId, seat_num = requested.SeatNum });

    private Task<HttpResponseMessage> SendAsync(Customer customer, string path, object body) =>
        system.Gateway.SendAsync(new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = JsonContent.Create(body),
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", customer.AccessToken) },
        });

    /// <summary>Waits until the gateway's journal in Redis records the rebooking of <paramref name="original"/> at <paramref name="step"/>.</summary>
    private async Task WaitForStepAsync(Seat original, string step)
    {
        await using var redis = await ConnectAsync();
        var clock = Stopwatch.StartNew();
        while (true)
        {
            Assert.True(clock.Elapsed < Bound, $"the rebooking of {original} never reached {step}");
            var id = await redis.GetDatabase().StringGetAsync(LockKey(original));
            if (id.HasValue && await redis.GetDatabase().HashGetAsync($"rebookings:{id}", "step") == step)
            {
                return;
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Waits until the rebooking has ended (its lock of the original is gone), then checks what the customer holds.</summary>
    private async Task AssertEndsHoldingAsync(Customer customer, Seat original, Seat requested, Seat holding)
    {
        await using (var redis = await ConnectAsync())
        {
            var clock = Stopwatch.StartNew();
            while (await KeyExistsAsync(redis, LockKey(original)))
            {
                Assert.True(clock.Elapsed < Bound, $"the rebooking of {original} had not ended after {Bound}");
                await Task.Delay(200);
            }
        }

        using var reservations = new HttpClient { BaseAddress = App.GetEndpoint("reservations", "http"), Timeout = Bound };
        reservations.DefaultRequestHeaders.Authorization = customer.Authorization;
        var held = (await reservations.GetFromJsonAsync<JsonArray>($"/customers/{customer.UserId}/reservations"))!
            .Select(reservation => new Seat((string)reservation!["flight_id"]!, (string)reservation["seat_num"]!))
            .Where(seat => seat == original || seat == requested);
        Assert.Equal([holding], held);
    }

    /// <summary>Redis may itself be restarting: a failed look counts as "not ended yet".</summary>
    private static async Task<bool> KeyExistsAsync(ConnectionMultiplexer redis, string key)
    {
        try
        {
            return await redis.GetDatabase().KeyExistsAsync(key);
        }
        catch (RedisException)
        {
            return true;
        }
    }

    private async Task<ConnectionMultiplexer> ConnectAsync()
    {
        var options = ConfigurationOptions.Parse((await App.GetConnectionStringAsync("redis"))!);
        options.AbortOnConnectFail = false;
        return await ConnectionMultiplexer.ConnectAsync(options);
    }

    private static string LockKey(Seat original) => $"rebookings:seat:{original.FlightId}/{original.SeatNum}";

    private sealed record Seat(string FlightId, string SeatNum);
}
