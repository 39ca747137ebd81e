using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Airline.TestSupport;
using StackExchange.Redis;
using static Reservations.Api.Tests.HttpAssertions;

namespace Reservations.Api.Tests;

/// <summary>Instances of the service with 2-second holds: one that never sweeps, one that sweeps often.</summary>
[Collection(ReservationsServiceCollection.Name)]
public sealed class HoldExpiryTests(ReservationsServiceFixture service)
{
    private static readonly TimeSpan HoldLength = TimeSpan.FromSeconds(2);

    /// <summary>Only turns a sweeper that never frees anything into a failure; not a speed requirement.</summary>
    private static readonly TimeSpan SweepDeadline = TimeSpan.FromSeconds(30);

    private readonly string _flight = $"AA{Guid.NewGuid():N}";

    [Fact]
    public async Task A_hold_expires_at_the_configured_second_then_confirm_is_410_and_its_seats_are_free_without_the_sweeper()
    {
        await using var instance = service.StartService(settings: Settings(sweepInterval: TimeSpan.FromHours(1)));
        using var client = new HttpClient { BaseAddress = instance.BaseAddress };
        var calls = new HoldsCalls(service, client);

        var before = DateTime.UtcNow;
        using var placed = await calls.HoldAsync("alice", _flight, "3A", "3B");
        var after = DateTime.UtcNow;
        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
        var hold = await placed.Content.ReadFromJsonAsync<JsonElement>();
        var expiresAt = hold.GetProperty("expires_at").GetDateTime();
        Assert.InRange(expiresAt, before + HoldLength - TimeSpan.FromMilliseconds(5), after + HoldLength + TimeSpan.FromMilliseconds(5));

        using var meanwhile = await calls.HoldAsync("bob", _flight, "3A");
        if (DateTime.UtcNow < expiresAt)
        {
            await AssertProblemAsync(meanwhile, HttpStatusCode.Conflict);
        }

        await Task.Delay(expiresAt - DateTime.UtcNow + TimeSpan.FromMilliseconds(20));

        Assert.Empty((await calls.TakenSeatsAsync(_flight)).Held);
        Assert.True(await FlightHoldsStillListAsync("3A"), "the sweeper ran: this test must show expiry without it");
        using var confirmed = await calls.ConfirmAsync("alice", hold.GetProperty("hold_id").GetString()!);
        await AssertProblemAsync(confirmed, HttpStatusCode.Gone);
        using var taken = await calls.HoldAsync("bob", _flight, "3A", "3B");
        Assert.Equal(HttpStatusCode.Created, taken.StatusCode);
    }

    [Fact]
    public async Task A_reservation_of_a_seat_whose_hold_expired_succeeds_without_the_sweeper()
    {
        await using var instance = service.StartService(settings: Settings(sweepInterval: TimeSpan.FromHours(1)));
        using var client = new HttpClient { BaseAddress = instance.BaseAddress };
        var calls = new HoldsCalls(service, client);
        using var placed = await calls.HoldAsync("alice", _flight, "4C");
        var expiresAt = (await placed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("expires_at").GetDateTime();

        await Task.Delay(expiresAt - DateTime.UtcNow + TimeSpan.FromMilliseconds(20));

        using var reserved = await calls.ReserveAsync("bob", _flight, "4C");
        Assert.Equal(HttpStatusCode.Created, reserved.StatusCode);
        Assert.Equal(new Dictionary<string, string> { ["4C"] = "bob" }, (await calls.TakenSeatsAsync(_flight)).Reserved);
    }

    [Fact]
    public async Task The_sweeper_frees_expired_holds_from_every_index()
    {
        await using var instance = service.StartService(settings: Settings(sweepInterval: TimeSpan.FromMilliseconds(200)));
        using var client = new HttpClient { BaseAddress = instance.BaseAddress };
        var calls = new HoldsCalls(service, client);
        var holdId = await calls.HoldIdAsync("erin", _flight, "6A", "6B");

        await using var redis = await ConnectionMultiplexer.ConnectAsync(service.Redis.Server.ConnectionString);
        var database = redis.GetDatabase();
        var deadline = DateTime.UtcNow + HoldLength + SweepDeadline;
        while (await database.SortedSetScoreAsync("hold-expiries", holdId) is not null)
        {
            Assert.True(DateTime.UtcNow < deadline, "the sweeper did not free the expired hold");
            await Task.Delay(100);
        }

        Assert.False(await database.KeyExistsAsync($"flight-holds:{_flight}"));
        Assert.False(await database.SetContainsAsync("customer-holds:erin", holdId));
        Assert.Equal("expired", (string?)await database.HashGetAsync($"holds:{holdId}", "state"));
    }

    private async Task<bool> FlightHoldsStillListAsync(string seat)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(service.Redis.Server.ConnectionString);
        return await redis.GetDatabase().HashExistsAsync($"flight-holds:{_flight}", seat);
    }

    private static Dictionary<string, string?> Settings(TimeSpan sweepInterval) => new()
    {
        ["Holds:Duration"] = HoldLength.ToString(),
        ["Holds:SweepInterval"] = sweepInterval.ToString(),
    };
}
