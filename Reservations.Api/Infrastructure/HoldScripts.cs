namespace Reservations.Api.Infrastructure;

/// <summary>
/// The holds' Lua, one atomic step per decision. <see cref="Confirm"/>, <see cref="Release"/> and <see cref="Expire"/>
/// take the keys of one hold, in the order of <c>HoldStore.HoldKeys</c>: KEYS[1] the hold, KEYS[2] the flight's reservations,
/// KEYS[3] the flight's held seats, KEYS[4] the expiry queue, KEYS[5] the customer's holds, KEYS[6] the customer's
/// reservations; ARGV[1] the hold id, ARGV[2] the customer.
/// </summary>
internal static class HoldScripts
{
    /// <summary>Frees the hold's seats that still name it, and takes it off the expiry queue and the customer's holds.</summary>
    private const string FreeHold = """
        local function free_hold(seats)
            for _, seat in ipairs(seats) do
                local entry = redis.call('HGET', KEYS[3], seat)
                if entry then
                    local _, hold = parse_hold_entry(entry)
                    if hold == ARGV[1] then
                        redis.call('HDEL', KEYS[3], seat)
                    end
                end
            end
            redis.call('ZREM', KEYS[4], ARGV[1])
            redis.call('SREM', KEYS[5], ARGV[1])
        end

        """;

    /// <summary>
    /// Holds every seat of ARGV[6..] or none. KEYS: the hold, the flight's reservations, its held seats, the expiry
    /// queue, the customer's holds. ARGV: hold id, customer, flight, hold length (ms), how long to keep the hold
    /// after it expires (ms), then the seats.
    /// Returns {1, expires_ms} when held, or {0, taken seat, …}.
    /// </summary>
    public const string Place = LuaPrelude.Functions + """
        local now = now_ms()
        local taken = { 0 }
        for i = 6, #ARGV do
            if redis.call('HEXISTS', KEYS[2], ARGV[i]) == 1 or live_hold_entry(KEYS[3], ARGV[i], now) then
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
            redis.call('HSET', KEYS[3], ARGV[i], entry)
            seats[#seats + 1] = ARGV[i]
        end
        redis.call('HSET', KEYS[1], 'customer_id', ARGV[2], 'flight_id', ARGV[3], 'seats', table.concat(seats, ','),
            'expires_ms', expires_text, 'state', 'held')
        redis.call('PEXPIREAT', KEYS[1], expires + tonumber(ARGV[5]))
        redis.call('ZADD', KEYS[4], expires_text, ARGV[1])
        redis.call('SADD', KEYS[5], ARGV[1])
        return { 1, expires }
        """;

    /// <summary>
    /// Turns a live hold into reservations of the customer. Returns {201, seats} confirmed now, {200, seats} confirmed
    /// before, {404} no such hold, {403} another customer's, {410} expired (its seats are freed now).
    /// </summary>
    public const string Confirm = LuaPrelude.Functions + FreeHold + """
        local hold = redis.call('HMGET', KEYS[1], 'customer_id', 'flight_id', 'seats', 'expires_ms', 'state')
        if not hold[1] or hold[5] == 'released' then
            return { 404 }
        end
        if hold[1] ~= ARGV[2] then
            return { 403 }
        end
        if hold[5] == 'confirmed' then
            return { 200, hold[3] }
        end
        local seats = split_seats(hold[3])
        if tonumber(hold[4]) <= now_ms() then
            free_hold(seats)
            redis.call('HSET', KEYS[1], 'state', 'expired')
            return { 410 }
        end
        for _, seat in ipairs(seats) do
            redis.call('HSET', KEYS[2], seat, ARGV[2])
            redis.call('SADD', KEYS[6], hold[2] .. '/' .. seat)
        end
        free_hold(seats)
        redis.call('HSET', KEYS[1], 'state', 'confirmed')
        return { 201, hold[3] }
        """;

    /// <summary>Gives up a hold. Returns 204 released (also when it had expired), 404 no such hold, 403 another customer's, 409 confirmed.</summary>
    public const string Release = LuaPrelude.Functions + FreeHold + """
        local hold = redis.call('HMGET', KEYS[1], 'customer_id', 'seats', 'state')
        if not hold[1] or hold[3] == 'released' then
            return 404
        end
        if hold[1] ~= ARGV[2] then
            return 403
        end
        if hold[3] == 'confirmed' then
            return 409
        end
        free_hold(split_seats(hold[2]))
        redis.call('HSET', KEYS[1], 'state', 'released')
        return 204
        """;

    /// <summary>The sweeper's step for one hold: frees it if it has expired and is still held. Returns 1 if it did.</summary>
    public const string Expire = LuaPrelude.Functions + FreeHold + """
        local hold = redis.call('HMGET', KEYS[1], 'seats', 'expires_ms', 'state')
        if not hold[1] then
            redis.call('ZREM', KEYS[4], ARGV[1])
            return 0
        end
        if hold[3] ~= 'held' or tonumber(hold[2]) > now_ms() then
            if hold[3] ~= 'held' then
                redis.call('ZREM', KEYS[4], ARGV[1])
            end
            return 0
        end
        free_hold(split_seats(hold[1]))
        redis.call('HSET', KEYS[1], 'state', 'expired')
        return 1
        """;

    /// <summary>Redis's clock, in milliseconds since the Unix epoch.</summary>
    public const string Now = LuaPrelude.Functions + "return now_ms()";

    /// <summary>Up to ARGV[1] ids of holds whose expiry has passed, by Redis's clock; KEYS[1] the expiry queue.</summary>
    public const string Due = LuaPrelude.Functions + """
        return redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now_ms(), 'LIMIT', 0, tonumber(ARGV[1]))
        """;
}
