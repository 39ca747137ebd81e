using Reservations.Api.Model;
using ServiceDefaults.Redis;

namespace Reservations.Api.Infrastructure;

/// <summary>
/// Lua run inside Redis, so that each decision and its writes happen in one atomic step.
/// <see cref="Reserve"/> and <see cref="Release"/> take the keys of <see cref="SeatKeys"/>; ARGV[1] the seat, ARGV[2]
/// the customer, ARGV[3] the seat as a member of the customer's set.
/// </summary>
internal static class ReservationScripts
{
    private const string SeatKeys = """
        local flight_key = KEYS[1]
        local customer_key = KEYS[2]
        local flight_holds_key = KEYS[3]

        """;

    /// <summary>Answers a <see cref="ReserveOutcome"/>.</summary>
    public static readonly string Reserve = LuaPrelude.Functions + SeatKeys + RedisLua.Outcomes<ReserveOutcome>() + """
        local reserved_by = redis.call('HGET', flight_key, ARGV[1])
        if reserved_by then
            if reserved_by == ARGV[2] then
                return outcome.already_held_by_same_customer
            end
            return outcome.held_by_another_customer
        end
        local hold, customer = live_hold_entry(flight_holds_key, ARGV[1], now_ms())
        if hold then
            if customer == ARGV[2] then
                return outcome.in_customers_hold
            end
            return outcome.held_by_another_customer
        end
        redis.call('HDEL', flight_holds_key, ARGV[1])
        redis.call('HSET', flight_key, ARGV[1], ARGV[2])
        redis.call('SADD', customer_key, ARGV[3])
        return outcome.reserved
        """;

    /// <summary>Answers a <see cref="ReleaseOutcome"/>.</summary>
    public static readonly string Release = SeatKeys + RedisLua.Outcomes<ReleaseOutcome>() + """
        local holder = redis.call('HGET', flight_key, ARGV[1])
        if not holder then
            return outcome.not_reserved
        end
        if holder ~= ARGV[2] then
            return outcome.held_by_another_customer
        end
        redis.call('HDEL', flight_key, ARGV[1])
        redis.call('SREM', customer_key, ARGV[3])
        return outcome.released
        """;

    /// <summary>{reserved seat, customer, …} and {live held seat, …} of the flight; KEYS[1] its hash, KEYS[2] its held seats.</summary>
    public const string TakenSeats = LuaPrelude.Functions + """
        local now = now_ms()
        local held = {}
        local entries = redis.call('HGETALL', KEYS[2])
        for i = 1, #entries, 2 do
            local expires = parse_hold_entry(entries[i + 1])
            if expires > now then
                held[#held + 1] = entries[i]
            end
        end
        return { redis.call('HGETALL', KEYS[1]), held }
        """;

    /// <summary>
    /// For each flight, its reserved seats and the seats of its live holds, as one list with no seat twice; KEYS are
    /// pairs of the flight's hash and its held seats. Answers one list per pair, in the order of KEYS.
    /// </summary>
    public const string TakenSeatsOfFlights = LuaPrelude.Functions + """
        local now = now_ms()
        local answer = {}
        for pair = 1, #KEYS, 2 do
            local taken = redis.call('HKEYS', KEYS[pair])
            local reserved = {}
            for _, seat in ipairs(taken) do
                reserved[seat] = true
            end
            local entries = redis.call('HGETALL', KEYS[pair + 1])
            for i = 1, #entries, 2 do
                if not reserved[entries[i]] and parse_hold_entry(entries[i + 1]) > now then
                    taken[#taken + 1] = entries[i]
                end
            end
            answer[#answer + 1] = taken
        end
        return answer
        """;
}
