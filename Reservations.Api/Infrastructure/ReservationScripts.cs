namespace Reservations.Api.Infrastructure;

/// <summary>
/// Lua run inside Redis, so that each decision and its writes happen in one atomic step.
/// KEYS[1] is the flight's hash, KEYS[2] the customer's set of seats, KEYS[3] the flight's held seats; ARGV[1] the
/// seat, ARGV[2] the customer, ARGV[3] the seat as a member of the customer's set.
/// </summary>
internal static class ReservationScripts
{
    /// <summary>1: reserved now; 0: the customer already held it; -1: another customer holds or reserved it; -2: it is in one of the customer's own holds.</summary>
    public const string Reserve = LuaPrelude.Functions + """
        local reserved_by = redis.call('HGET', KEYS[1], ARGV[1])
        if reserved_by then
            if reserved_by == ARGV[2] then
                return 0
            end
            return -1
        end
        local hold, customer = live_hold_entry(KEYS[3], ARGV[1], now_ms())
        if hold then
            if customer == ARGV[2] then
                return -2
            end
            return -1
        end
        redis.call('HDEL', KEYS[3], ARGV[1])
        redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
        redis.call('SADD', KEYS[2], ARGV[3])
        return 1
        """;

    /// <summary>1: released; 0: the seat was not reserved; -1: another customer holds it.</summary>
    public const string Release = """
        local holder = redis.call('HGET', KEYS[1], ARGV[1])
        if not holder then
            return 0
        end
        if holder ~= ARGV[2] then
            return -1
        end
        redis.call('HDEL', KEYS[1], ARGV[1])
        redis.call('SREM', KEYS[2], ARGV[3])
        return 1
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
