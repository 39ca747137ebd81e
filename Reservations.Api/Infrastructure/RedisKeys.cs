using StackExchange.Redis;

namespace Reservations.Api.Infrastructure;

/// <summary>
/// Every Redis key the service owns (the README's "Holds in Redis" describes them). Prefixes differ per kind, so no
/// flight or customer id can name another kind's key; hold ids are 32 hex digits.
/// </summary>
internal static class RedisKeys
{
    /// <summary>Hash seat_num → customer_id: the flight's reservations.</summary>
    public static RedisKey Flight(string flightId) => $"flights:{flightId}";

    /// <summary>Hash seat_num → "{expires_ms}|{hold_id}|{customer_id}": the flight's held seats, live or expired.</summary>
    public static RedisKey FlightHolds(string flightId) => $"flight-holds:{flightId}";

    /// <summary>Set of "{flight_id}/{seat_num}": the customer's reservations.</summary>
    public static RedisKey Customer(string customerId) => $"customers:{customerId}";

    /// <summary>Set of hold ids: the customer's holds not yet confirmed, released or swept.</summary>
    public static RedisKey CustomerHolds(string customerId) => $"customer-holds:{customerId}";

    /// <summary>Hash customer_id, flight_id, seats, expires_ms, state: one hold (kept a day after it expires).</summary>
    public static RedisKey Hold(string holdId) => $"holds:{holdId}";

    /// <summary>Sorted set hold_id → expires_ms: the holds the sweeper has yet to free.</summary>
    public static RedisKey HoldExpiries { get; } = "hold-expiries";

    /// <summary>The member of <see cref="Customer"/> for a seat.</summary>
    public static string SeatMember(string flightId, string seatNum) => $"{flightId}/{seatNum}";
}
