using Microsoft.Extensions.Options;
using Reservations.Api.Holds;
using Reservations.Api.Model;
using ServiceDefaults.Redis;
using StackExchange.Redis;

namespace Reservations.Api.Infrastructure;

/// <summary>
/// Holds in Redis: each decision (place, confirm, release, expire) is one Lua script of <see cref="HoldScripts"/>,
/// so a seat is never in two live holds, or held and reserved at once. Confirming and releasing first read which
/// flight and customer the hold names, to pass the script its keys; the script checks them again.
/// </summary>
public sealed class HoldStore(RedisCommands redis, IOptions<HoldOptions> options)
{
    private static readonly RedisValue[] HoldFields = ["customer_id", "flight_id", "seats", "expires_ms", "state"];

    public async Task<HoldPlacement> PlaceAsync(string flightId, string customerId, IReadOnlyList<string> seats)
    {
        var holdId = Guid.NewGuid().ToString("N");
        var keys = HoldKeys(holdId, flightId, customerId);
        RedisValue[] arguments =
        [
            holdId, customerId, flightId,
            (long)options.Value.Duration.TotalMilliseconds, (long)options.Value.Retention.TotalMilliseconds,
            .. seats.Select(seat => (RedisValue)seat),
        ];
        var result = (RedisResult[])(await redis.EvaluateAsync("place hold", HoldScripts.Place, keys[..5], arguments))!;

        return (HoldPlaceOutcome)(int)result[0] == HoldPlaceOutcome.Held
            ? new HoldPlacement(new Hold(holdId, flightId, customerId, seats, FromMilliseconds((long)result[1])), [])
            : new HoldPlacement(null, [.. result.Skip(1).Select(seat => (string)seat!)]);
    }

    /// <summary>The hold as stored, whatever its state; null when unknown (or released).</summary>
    public async Task<StoredHold?> GetAsync(string holdId)
    {
        var fields = await redis.RunAsync("get hold", "HMGET", database => database.HashGetAsync(RedisKeys.Hold(holdId), HoldFields));
        if (fields[0].IsNull || (string?)fields[4] == "released")
        {
            return null;
        }

        var hold = new Hold(holdId, fields[1]!, fields[0]!, SplitSeats(fields[2]!), FromMilliseconds((long)fields[3]));
        return new StoredHold(hold, (string)fields[4]!);
    }

    public async Task<(ConfirmOutcome Outcome, HoldConfirmation? Confirmation)> ConfirmAsync(string holdId, string customerId)
    {
        if (await GetAsync(holdId) is not { } stored)
        {
            return (ConfirmOutcome.NotFound, null);
        }

        var result = (RedisResult[])(await redis.EvaluateAsync("confirm hold", HoldScripts.Confirm,
            HoldKeys(holdId, stored.Hold.FlightId, stored.Hold.CustomerId), [holdId, customerId]))!;

        var outcome = (ConfirmOutcome)(int)result[0];
        var confirmation = outcome is ConfirmOutcome.Confirmed or ConfirmOutcome.AlreadyConfirmed
            ? new HoldConfirmation(holdId, [.. SplitSeats((string)result[1]!).Select(seat => new Reservation(stored.Hold.FlightId, seat, customerId))])
            : null;
        return (outcome, confirmation);
    }

    public async Task<HoldReleaseOutcome> ReleaseAsync(string holdId, string customerId)
    {
        if (await GetAsync(holdId) is not { } stored)
        {
            return HoldReleaseOutcome.NotFound;
        }

        var result = await redis.EvaluateAsync("release hold", HoldScripts.Release,
            HoldKeys(holdId, stored.Hold.FlightId, stored.Hold.CustomerId), [holdId, customerId]);

        return (HoldReleaseOutcome)(int)result;
    }

    /// <summary>Frees up to <paramref name="limit"/> holds whose expiry has passed; answers how many were due.</summary>
    public async Task<int> SweepAsync(int limit)
    {
        var due = (RedisResult[])(await redis.EvaluateAsync("due holds", HoldScripts.Due, [RedisKeys.HoldExpiries], [limit]))!;
        foreach (var holdId in due.Select(id => (string)id!))
        {
            var owner = await redis.RunAsync("get hold", "HMGET", database =>
                database.HashGetAsync(RedisKeys.Hold(holdId), ["customer_id", "flight_id"]));
            if (owner[0].IsNull)
            {
                await redis.RunAsync("forget hold", "ZREM", database => database.SortedSetRemoveAsync(RedisKeys.HoldExpiries, holdId));
                continue;
            }

            await redis.EvaluateAsync("expire hold", HoldScripts.Expire, HoldKeys(holdId, owner[1]!, owner[0]!), [holdId]);
        }

        return due.Length;
    }

    /// <summary>The customer's holds that are still live, by Redis's clock, soonest to expire first.</summary>
    public async Task<IReadOnlyList<Hold>> GetCustomerHoldsAsync(string customerId)
    {
        var holdIds = await redis.RunAsync("list customer holds", "SMEMBERS", database => database.SetMembersAsync(RedisKeys.CustomerHolds(customerId)));
        var now = FromMilliseconds((long)await redis.EvaluateAsync("time", HoldScripts.Now, [], []));
        var holds = await Task.WhenAll(holdIds.Select(id => GetAsync(id!)));
        return [.. holds
            .Where(stored => stored is { State: "held" } && stored.Hold.ExpiresAt > now)
            .Select(stored => stored!.Hold)
            .OrderBy(hold => hold.ExpiresAt)];
    }

    /// <summary>The keys every per-hold script takes, in the order <see cref="HoldScripts"/> documents.</summary>
    private static RedisKey[] HoldKeys(string holdId, string flightId, string customerId) =>
    [
        RedisKeys.Hold(holdId), RedisKeys.Flight(flightId), RedisKeys.FlightHolds(flightId), RedisKeys.HoldExpiries,
        RedisKeys.CustomerHolds(customerId), RedisKeys.Customer(customerId),
    ];

    private static string[] SplitSeats(string seats) => seats.Split(',');

    private static DateTime FromMilliseconds(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds).UtcDateTime;
}

/// <summary>A hold and its state: held, confirmed or expired.</summary>
public sealed record StoredHold(Hold Hold, string State);
