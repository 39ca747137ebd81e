using Reservations.Api.Model;
using ServiceDefaults.Redis;
using StackExchange.Redis;

namespace Reservations.Api.Infrastructure;

/// <summary>
/// Reservations in Redis. Each flight is one hash, <c>flights:{flight_id}</c>, mapping seat_num to customer_id; each
/// customer one set, <c>customers:{customer_id}</c>, of <c>{flight_id}/{seat_num}</c>. A reservation is refused
/// while the seat is in a live hold (<see cref="HoldStore"/>).
/// </summary>
public sealed class ReservationStore(RedisCommands redis)
{
    public async Task<ReserveOutcome> ReserveAsync(Reservation reservation)
    {
        var result = await redis.EvaluateAsync("reserve", ReservationScripts.Reserve,
            [RedisKeys.Flight(reservation.FlightId), RedisKeys.Customer(reservation.CustomerId), RedisKeys.FlightHolds(reservation.FlightId)],
            Arguments(reservation));

        return (ReserveOutcome)(int)result;
    }

    public async Task<ReleaseOutcome> ReleaseAsync(Reservation reservation)
    {
        var result = await redis.EvaluateAsync("release", ReservationScripts.Release,
            [RedisKeys.Flight(reservation.FlightId), RedisKeys.Customer(reservation.CustomerId)], Arguments(reservation));

        return (ReleaseOutcome)(int)result;
    }

    /// <summary>Seat → customer for every reserved seat of the flight; empty when none is.</summary>
    public async Task<IReadOnlyDictionary<string, string>> GetSeatsAsync(string flightId)
    {
        var entries = await redis.RunAsync("list seats", "HGETALL", database => database.HashGetAllAsync(RedisKeys.Flight(flightId)));
        return entries.ToDictionary(entry => entry.Name.ToString(), entry => entry.Value.ToString());
    }

    /// <summary>The flight's reserved seats and the seats of its live holds, read in one step.</summary>
    public async Task<TakenSeats> GetTakenSeatsAsync(string flightId)
    {
        var result = (RedisResult[])(await redis.EvaluateAsync("list taken seats", ReservationScripts.TakenSeats,
            [RedisKeys.Flight(flightId), RedisKeys.FlightHolds(flightId)], []))!;
        var reserved = (RedisResult[])result[0]!;
        return new TakenSeats(
            Enumerable.Range(0, reserved.Length / 2).ToDictionary(i => (string)reserved[2 * i]!, i => (string)reserved[(2 * i) + 1]!),
            [.. ((RedisResult[])result[1]!).Select(seat => (string)seat!).Order(StringComparer.Ordinal)]);
    }

    /// <summary>
    /// Seat numbers nobody else can have, reserved or in a live hold, of each flight (ordinal order), read for every
    /// flight in one script.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> GetTakenSeatsAsync(IReadOnlyCollection<string> flightIds)
    {
        var result = (RedisResult[])(await redis.EvaluateAsync("list taken seats", ReservationScripts.TakenSeatsOfFlights,
            [.. flightIds.SelectMany(id => new[] { RedisKeys.Flight(id), RedisKeys.FlightHolds(id) })], []))!;
        return flightIds.Select((flightId, i) => (flightId, Seats: (RedisResult[])result[i]!))
            .ToDictionary(
                flight => flight.flightId,
                flight => (IReadOnlyList<string>)[.. flight.Seats.Select(seat => (string)seat!).Order(StringComparer.Ordinal)]);
    }

    /// <summary>Every seat the customer has reserved.</summary>
    public async Task<IReadOnlyList<Reservation>> GetCustomerReservationsAsync(string customerId)
    {
        var seats = await redis.RunAsync("list customer seats", "SMEMBERS", database => database.SetMembersAsync(RedisKeys.Customer(customerId)));
        return [.. seats
            .Select(seat => seat.ToString())
            .Select(seat => new Reservation(seat[..seat.LastIndexOf('/')], seat[(seat.LastIndexOf('/') + 1)..], customerId))
            .OrderBy(reservation => reservation.FlightId, StringComparer.Ordinal)
            .ThenBy(reservation => reservation.SeatNum, StringComparer.Ordinal)];
    }

    private static RedisValue[] Arguments(Reservation reservation) =>
        [reservation.SeatNum, reservation.CustomerId, RedisKeys.SeatMember(reservation.FlightId, reservation.SeatNum)];
}
