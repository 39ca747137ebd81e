using ServiceDefaults.Redis;

namespace Gateway.Rebooking;

/// <summary>
/// Lua run inside Redis, so that checking a rebooking's lease and recording its step are one atomic step. Leases are
/// measured by Redis's clock (<c>TIME</c>), the one clock every gateway replica shares. The scripts of one rebooking take
/// the keys <see cref="RebookingKeys"/> names; ARGV[1] the rebooking's id, ARGV[2] the caller's owner id, ARGV[3] the
/// lease in ms.
/// </summary>
internal static class RebookingScripts
{
    /// <summary>
    /// The rebooking's hash, the sorted set of unfinished rebookings (score: the end of the owner's lease in ms) and
    /// the lock of the original seat.
    /// </summary>
    private const string RebookingKeys = """
        local rebooking_key = KEYS[1]
        local unfinished_key = KEYS[2]
        local seat_lock_key = KEYS[3]

        """;

    private const string Now = RedisLua.Clock + "local now = now_ms()";

    /// <summary>Returns 0 unless the rebooking is unfinished and the caller owns it.</summary>
    private const string OwnedByCaller = """

        if redis.call('HGET', rebooking_key, 'owner') ~= ARGV[2] or not redis.call('ZSCORE', unfinished_key, ARGV[1]) then
            return 0
        end
        """;

    /// <summary>1: begun, owned by the caller; 0: another rebooking of the original seat is under way. ARGV[4..] are the hash's fields.</summary>
    public const string Begin = RebookingKeys + Now + """

        if not redis.call('SET', seat_lock_key, ARGV[1], 'NX') then
            return 0
        end
        redis.call('HSET', rebooking_key, 'owner', ARGV[2], unpack(ARGV, 4))
        redis.call('ZADD', unfinished_key, now + tonumber(ARGV[3]), ARGV[1])
        return 1
        """;

    /// <summary>1: the step (ARGV[4]) is recorded and the lease renewed; 0: the caller no longer owns the rebooking.</summary>
    public const string Move = RebookingKeys + Now + OwnedByCaller + """

        redis.call('HSET', rebooking_key, 'step', ARGV[4])
        redis.call('ZADD', unfinished_key, now + tonumber(ARGV[3]), ARGV[1])
        return 1
        """;

    /// <summary>
    /// 1: the outcome (ARGV[4]) is recorded, the original seat unlocked and the record kept ARGV[5] seconds; 0: the
    /// caller no longer owns the rebooking.
    /// </summary>
    public const string Finish = RebookingKeys + OwnedByCaller + """

        redis.call('HSET', rebooking_key, 'step', ARGV[4])
        redis.call('ZREM', unfinished_key, ARGV[1])
        if redis.call('GET', seat_lock_key) == ARGV[1] then
            redis.call('DEL', seat_lock_key)
        end
        redis.call('EXPIRE', rebooking_key, tonumber(ARGV[5]))
        return 1
        """;

    /// <summary>1: the caller's lease ends now, so that any replica may take the rebooking over; 0: the caller no longer owns it.</summary>
    public const string GiveBack = RebookingKeys + Now + OwnedByCaller + """

        redis.call('ZADD', unfinished_key, now, ARGV[1])
        return 1
        """;

    /// <summary>Ids of unfinished rebookings whose owner's lease has lapsed, at most ARGV[1]. KEYS[1] is their sorted set.</summary>
    public const string Abandoned = Now + """

        return redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, tonumber(ARGV[1]))
        """;

    /// <summary>The rebooking's fields, now owned by the caller; nil when it is finished or another owner's lease still runs.</summary>
    public const string Claim = RebookingKeys + Now + """

        local leaseEnd = redis.call('ZSCORE', unfinished_key, ARGV[1])
        if not leaseEnd or tonumber(leaseEnd) > now then
            return false
        end
        if redis.call('EXISTS', rebooking_key) == 0 then
            redis.call('ZREM', unfinished_key, ARGV[1])
            return false
        end
        redis.call('HSET', rebooking_key, 'owner', ARGV[2])
        redis.call('ZADD', unfinished_key, now + tonumber(ARGV[3]), ARGV[1])
        return redis.call('HGETALL', rebooking_key)
        """;
}
