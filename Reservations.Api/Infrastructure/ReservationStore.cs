using System.Diagnostics;
using Reservations.Api.Model;
using StackExchange.Redis;

namespace Reservations.Api.Infrastructure;

/// <summary>
/// The only place that talks to Redis. Each flight is one hash, <c>flights:{flight_id}</c>, mapping
/// seat_num to customer_id; each customer one set, <c>customers:{customer_id}</c>, of <c>{flight_id}/{seat_num}</c>. A Redis that does not answer surfaces as <see cref="DependencyUnavailableException"/>.
/// </summary>
public sealed class ReservationStore(IConnectionMultiplexer redis)
{
    /// <summary>Named after the application, the source ServiceDefaults traces.</summary>
    private static readonly ActivitySource ActivitySource = new("Reservations.Api");

    /// <summary>Error replies Redis gives while it cannot serve yet (loading its data, a script running too long).</summary>
    private static readonly string[] UnavailableReplies = ["LOADING", "BUSY", "MASTERDOWN", "TRYAGAIN"];

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
        catch (Exception exception) when (IsUnavailable(exception))
        {
            activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
            throw new DependencyUnavailableException(RedisConnectionExtensions.DependencyName, exception);
        }
    }

    private static bool IsUnavailable(Exception exception) => exception switch
    {
        RedisConnectionException or RedisTimeoutException => true,
        // No call passes a token: a cancellation means StackExchange.Redis dropped a dead connection with the command in flight.
        OperationCanceledException => true,
        // A command written just as the connection died finds its pipe already closed (seen when Redis is killed).
        InvalidOperationException when exception.TargetSite?.DeclaringType?.Namespace == "System.IO.Pipelines" => true,
        RedisServerException server => UnavailableReplies.Any(reply => server.Message.StartsWith(reply, StringComparison.Ordinal)),
        _ => false,
    };
}
