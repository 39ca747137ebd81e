namespace Gateway.Rebooking;

/// <summary>
/// Lua run inside Redis, so that checking a rebooking's lease and recording its step are one atomic step. Leases are
/// measured by Redis's clock (<c>TIME</c>), the one clock every gateway replica shares. KEYS[1] is the rebooking's hash,
/// KEYS[2] the sorted set of unfinished rebookings (score: the end of the owner's lease in ms), KEYS[3] the lock of the
/// original seat; ARGV[1] the rebooking's id, ARGV[2] the caller's owner id, ARGV[3] the lease in ms.
/// </summary>
internal static class RebookingScripts
{
    private const string Now = """
        local time = redis.call('TIME')
        local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
        """;

    /// <summary>Returns 0 unless the rebooking is unfinished and the caller owns it.</summary>
    private const string OwnedByCaller = """

        if redis.call('HGET', KEYS[1], 'owner') ~= ARGV[2] or not redis.call('ZSCORE', KEYS[2], ARGV[1]) then
            return 0
        end
        """;

    /// <summary>1: begun, owned by the caller; 0: another rebooking of the original seat is under way. ARGV[4..] are the hash's fields.</summary>
    public const string Begin = Now + """

        if not redis.call('SET', KEYS[3], ARGV[1], 'NX') then
            return 0
        end
        redis.call('HSET', KEYS[1], 'owner', ARGV[2], unpack(ARGV, 4))
        redis.call('ZADD', KEYS[2], now + tonumber(ARGV[3]), ARGV[1])
        return 1
        """;

    /// <summary>1: the step (ARGV[4]) is recorded and the lease renewed; 0: the caller no longer owns the rebooking.</summary>
    public const string Move = Now + OwnedByCaller + """

        redis.call('HSET', KEYS[1], 'step', ARGV[4])
        redis.call('ZADD', KEYS[2], now + tonumber(ARGV[3]), ARGV[1])
        return 1
        """;

    /// <summary>
    /// 1: the outcome (ARGV[4]) is recorded, the original seat unlocked and the record kept ARGV[5] seconds; 0: the
    /// caller no longer owns the rebooking.
    /// </summary>
    public const string Finish = OwnedByCaller + """

        redis.call('HSET', KEYS[1], 'step', ARGV[4])
        redis.call('ZREM', KEYS[2], ARGV[1])
        if redis.call('GET', KEYS[3]) == ARGV[1] then
            redis.call('DEL', KEYS[3])
        end
        redis.call('EXPIRE', KEYS[1], tonumber(ARGV[5]))
        return 1
        """;

    /// <summary>1: the caller's lease ends now, so that any replica may take the rebooking over; 0: the caller no longer owns it.</summary>
    public const string GiveBack = Now + OwnedByCaller + """

        redis.call('ZADD', KEYS[2], now, ARGV[1])
        return 1
        """;

    /// <summary>Ids of unfinished rebookings whose owner's lease has lapsed, at most ARGV[1]. KEYS[1] is the sorted set.</summary>
    public const string Abandoned = Now + """

        return redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, tonumber(ARGV[1]))
        """;

    /// <summary>The rebooking's fields, now owned by the caller; nil when it is finished or another owner's lease still runs.</summary>
    public const string Claim = Now + """

        local leaseEnd = redis.call('ZSCORE', KEYS[2], ARGV[1])
        if not leaseEnd or tonumber(leaseEnd) > now then
            return false
        end
        if redis.call('EXISTS', KEYS[1]) == 0 then
            redis.call('ZREM', KEYS[2], ARGV[1])
            return false
        end
        redis.call('HSET', KEYS[1], 'owner', ARGV[2])
        redis.call('ZADD', KEYS[2], now + tonumber(ARGV[3]), ARGV[1])
        return redis.call('HGETALL', KEYS[1])
        """;
}
