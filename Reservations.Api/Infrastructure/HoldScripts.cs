using Reservations.Api.Model;
using ServiceDefaults.Redis;

namespace Reservations.Api.Infrastructure;

/// <summary>
/// The holds' Lua, one atomic step per decision. <see cref="Place"/>, <see cref="Confirm"/>, <see cref="Release"/> and
/// <see cref="Expire"/> take the keys of one hold, in the order of <c>HoldStore.HoldKeys</c>, named by
/// <see cref="HoldKeys"/>; ARGV[1] the hold id, ARGV[2] the customer.
/// </summary>
internal static class HoldScripts
{
    private const string HoldKeys = """
        local hold_key = KEYS[1]
        local flight_key = KEYS[2]
        local flight_holds_key = KEYS[3]
        local expiries_key = KEYS[4]
        local customer_holds_key = KEYS[5]
        local customer_key = KEYS[6]

        """;

    /// <summary>Frees the hold's seats that still name it, and takes it off the expiry queue and the customer's holds.</summary>
    private const string FreeHold = """
        local function free_hold(seats)
            for _, seat in ipairs(seats) do
                local entry = redis.call('HGET', flight_holds_key, seat)
                if entry then
                    local _, hold = parse_hold_entry(entry)
                    if hold == ARGV[1] then
                        redis.call('HDEL', flight_holds_key, seat)
                    end
                end
            end
            redis.call('ZREM', expiries_key, ARGV[1])
            redis.call('SREM', customer_holds_key, ARGV[1])
        end

        """;

    /// <summary>
    /// Holds every seat of ARGV[6..] or none; takes the first five keys. ARGV: hold id, customer, flight, hold length
    /// (ms), how long to keep the hold after it expires (ms), then the seats.
    /// Answers {<see cref="HoldPlaceOutcome.Held"/>, expires_ms}, or {<see cref="HoldPlaceOutcome.Taken"/>, taken seat, …}.
    /// </summary>
    public static readonly string Place = LuaPrelude.Functions + HoldKeys + RedisLua.Outcomes<HoldPlaceOutcome>() + """
        local now = now_ms()
        local taken = { outcome.taken }
        for i = 6, #ARGV do
            if redis.call('HEXISTS', flight_key, ARGV[i]) == 1 or live_hold_entry(flight_holds_key, ARGV[i], now) then
                taken[#taken + 1] = ARGV[i]
            end
        end
        if #taken > 1 then
            return taken
        end
        local expires = now + tonumber(ARGV[4])
        local expires_text = string.format('%.0f', expires)
        local entry = expires_text .. '|' .. ARGV[1] .. '|' .. ARGV[2]
        local seats = {}
        for i = 6, #ARGV do
            redis.call('HSET', flight_holds_key, ARGV[i], entry)
            seats[#seats + 1] = ARGV[i]
        end
        redis.call('HSET', hold_key, 'customer_id', ARGV[2], 'flight_id', ARGV[3], 'seats', table.concat(seats, ','),
            'expires_ms', expires_text, 'state', 'held')
        redis.call('PEXPIREAT', hold_key, expires + tonumber(ARGV[5]))
        redis.call('ZADD', expiries_key, expires_text, ARGV[1])
        redis.call('SADD', customer_holds_key, ARGV[1])
        return { outcome.held, expires }
        """;

    /// <summary>
    /// Turns a live hold into reservations of the customer (its seats are freed now if it has expired). Answers
    /// {<see cref="ConfirmOutcome"/>}, with the seats when confirmed now or before.
    /// </summary>
    public static readonly string Confirm = LuaPrelude.Functions + HoldKeys + FreeHold + RedisLua.Outcomes<ConfirmOutcome>() + """
        local hold = redis.call('HMGET', hold_key, 'customer_id', 'flight_id', 'seats', 'expires_ms', 'state')
        if not hold[1] or hold[5] == 'released' then
            return { outcome.not_found }
        end
        if hold[1] ~= ARGV[2] then
            return { outcome.not_yours }
        end
        if hold[5] == 'confirmed' then
            return { outcome.already_confirmed, hold[3] }
        end
        local seats = split_seats(hold[3])
        if tonumber(hold[4]) <= now_ms() then
            free_hold(seats)
            redis.call('HSET', hold_key, 'state', 'expired')
            return { outcome.expired }
        end
        for _, seat in ipairs(seats) do
            redis.call('HSET', flight_key, seat, ARGV[2])
            redis.call('SADD', customer_key, hold[2] .. '/' .. seat)
        end
        free_hold(seats)
        redis.call('HSET', hold_key, 'state', 'confirmed')
        return { outcome.confirmed, hold[3] }
        """;

    /// <summary>Gives up a hold (also one that has expired). Answers a <see cref="HoldReleaseOutcome"/>.</summary>
    public static readonly string Release = LuaPrelude.Functions + HoldKeys + FreeHold + RedisLua.Outcomes<HoldReleaseOutcome>() + """
        local hold = redis.call('HMGET', hold_key, 'customer_id', 'seats', 'state')
        if not hold[1] or hold[3] == 'released' then
            return outcome.not_found
        end
        if hold[1] ~= ARGV[2] then
            return outcome.not_yours
        end
        if hold[3] == 'confirmed' then
            return outcome.already_confirmed
        end
        free_hold(split_seats(hold[2]))
        redis.call('HSET', hold_key, 'state', 'released')
        return outcome.released
        """;

    /// <summary>The sweeper's step for one hold: frees it if it has expired and is still held. Returns 1 if it did.</summary>
    public const string Expire = LuaPrelude.Functions + HoldKeys + FreeHold + """
        local hold = redis.call('HMGET', hold_key, 'seats', 'expires_ms', 'state')
        if not hold[1] then
            redis.call('ZREM', expiries_key, ARGV[1])
            return 0
        end
        if hold[3] ~= 'held' or tonumber(hold[2]) > now_ms() then
            if hold[3] ~= 'held' then
                redis.call('ZREM', expiries_key, ARGV[1])
            end
            return 0
        end
        free_hold(split_seats(hold[1]))
        redis.call('HSET', hold_key, 'state', 'expired')
        return 1
        """;

    /// <summary>Redis's clock, in milliseconds since the Unix epoch.</summary>
    public const string Now = RedisLua.Clock + "return now_ms()";

    /// <summary>Up to ARGV[1] ids of holds whose expiry has passed, by Redis's clock; KEYS[1] the expiry queue.</summary>
    public const string Due = RedisLua.Clock + """
        return redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now_ms(), 'LIMIT', 0, tonumber(ARGV[1]))
        """;
}
