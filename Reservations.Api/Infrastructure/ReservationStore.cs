using System.Diagnostics;
using Reservations.Api.Model;
using ServiceDefaults.Redis;
using StackExchange.Redis;

namespace Reservations.Api.Infrastructure;

/// <summary>
/// The only place that talks to Redis. Each flight is one hash, <c>flights:{flight_id}</c>, mapping
/// seat_num to customer_id; each customer one set, <c>customers:{customer_id}</c>, of <c>{flight_id}/{seat_num}</c>.
/// Seats on hold are to be kept as <c>holds:{flight_id}</c>, seat_num → hold_id. A Redis that does not answer
/// surfaces as <see cref="DependencyUnavailableException"/>.
/// </summary>
public sealed class ReservationStore(IConnectionMultiplexer redis)
{
    /// <summary>Named after the application, the source ServiceDefaults traces.</summary>
    private static readonly ActivitySource ActivitySource = new("Reservations.Api");

    public async Task<ReserveOutcome> ReserveAsync(Reservation reservation)
    {
        var result = await RunAsync("reserve", "EVALSHA", database => database.ScriptEvaluateAsync(
            ReservationScripts.Reserve, Keys(reservation), Arguments(reservation)));

        return (int)result switch
        {
            1 => ReserveOutcome.Reserved,
            0 => ReserveOutcome.AlreadyHeldBySameCustomer,
            _ => ReserveOutcome.HeldByAnotherCustomer,
        };
    }

    public async Task<ReleaseOutcome> ReleaseAsync(Reservation reservation)
    {
        var result = await RunAsync("release", "EVALSHA", database => database.ScriptEvaluateAsync(
            ReservationScripts.Release, Keys(reservation), Arguments(reservation)));

        return (int)result switch
        {
            1 => ReleaseOutcome.Released,
            0 => ReleaseOutcome.NotReserved,
            _ => ReleaseOutcome.HeldByAnotherCustomer,
        };
    }

    /// <summary>Seat → customer for every reserved seat of the flight; empty when none is.</summary>
    public async Task<IReadOnlyDictionary<string, string>> GetSeatsAsync(string flightId)
    {
        var entries = await RunAsync("list seats", "HGETALL", database => database.HashGetAllAsync(FlightKey(flightId)));
        return entries.ToDictionary(entry => entry.Name.ToString(), entry => entry.Value.ToString());
    }

    /// <summary>
    /// Seat numbers nobody else can have, reserved or held, of each flight (ordinal order), read for every flight
    /// in one round trip: HKEYS of <c>flights:{id}</c> and <c>holds:{id}</c>, pipelined.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> GetTakenSeatsAsync(IReadOnlyCollection<string> flightIds) =>
        await RunAsync("list taken seats", "HKEYS", async database =>
        {
            var batch = database.CreateBatch();
            var reads = flightIds.ToDictionary(id => id, id => (Reserved: batch.HashKeysAsync(FlightKey(id)), Held: batch.HashKeysAsync(HoldsKey(id))));
            batch.Execute();
            await Task.WhenAll(reads.Values.SelectMany(read => new[] { read.Reserved, read.Held }));

            return (IReadOnlyDictionary<string, IReadOnlyList<string>>)reads.ToDictionary(
                read => read.Key,
                read => (IReadOnlyList<string>)[.. read.Value.Reserved.Result.Concat(read.Value.Held.Result)
                    .Select(seat => seat.ToString()).Distinct().Order(StringComparer.Ordinal)]);
        });

    /// <summary>Every seat the customer holds.</summary>
    public async Task<IReadOnlyList<Reservation>> GetCustomerReservationsAsync(string customerId)
    {
        var seats = await RunAsync("list customer seats", "SMEMBERS", database => database.SetMembersAsync(CustomerKey(customerId)));
        return [.. seats
            .Select(seat => seat.ToString())
            .Select(seat => new Reservation(seat[..seat.LastIndexOf('/')], seat[(seat.LastIndexOf('/') + 1)..], customerId))
            .OrderBy(reservation => reservation.FlightId, StringComparer.Ordinal)
            .ThenBy(reservation => reservation.SeatNum, StringComparer.Ordinal)];
    }

    private static RedisKey FlightKey(string flightId) => $"flights:{flightId}";

    private static RedisKey HoldsKey(string flightId) => $"holds:{flightId}";

    private static RedisKey CustomerKey(string customerId) => $"customers:{customerId}";

    private static RedisKey[] Keys(Reservation reservation) => [FlightKey(reservation.FlightId), CustomerKey(reservation.CustomerId)];

    private static RedisValue[] Arguments(Reservation reservation) =>
        [reservation.SeatNum, reservation.CustomerId, $"{reservation.FlightId}/{reservation.SeatNum}"];

    private async Task<T> RunAsync<T>(string name, string command, Func<IDatabase, Task<T>> call)
    {
        using var activity = ActivitySource.StartActivity($"redis {name}", ActivityKind.Client);
        activity?.SetTag("db.system", "redis");
        activity?.SetTag("db.operation.name", command);

        try
        {
            return await call(redis.GetDatabase());
        }
        catch (Exception exception) when (RedisFailures.IsUnavailable(exception))
        {
            activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
            throw new DependencyUnavailableException(RedisConnectionExtensions.DependencyName, exception);
        }
    }
}
