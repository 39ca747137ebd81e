namespace Gateway.Idempotency;

/// <summary>
/// Lua run inside Redis, so that claiming a key and finishing it are each one atomic step. KEYS[1] is the key's
/// record, a hash: <c>fingerprint</c>, <c>owner</c> (while in flight: the attempt that runs it), and once
/// answered <c>status</c>, <c>headers</c>, <c>body</c>.
/// </summary>
internal static class IdempotencyScripts
{
    /// <summary>
    /// ARGV: fingerprint, owner, in-flight timeout (ms). Returns {'started'}, {'mismatch'}, {'in_flight'} or
    /// {'completed', status, headers, body}.
    /// </summary>
    public const string Begin = """
        if redis.call('HSETNX', KEYS[1], 'fingerprint', ARGV[1]) == 1 then
            redis.call('HSET', KEYS[1], 'owner', ARGV[2])
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            return {'started'}
        end
        local record = redis.call('HMGET', KEYS[1], 'fingerprint', 'status', 'headers', 'body')
        if record[1] ~= ARGV[1] then
            return {'mismatch'}
        end
        if not record[2] then
            return {'in_flight'}
        end
        return {'completed', record[2], record[3], record[4]}
        """;

    /// <summary>ARGV: owner, status, headers, body, retention (ms). 1 when stored; 0 when the attempt no longer owns the key.</summary>
    public const string Complete = """
        if redis.call('HGET', KEYS[1], 'owner') ~= ARGV[1] then
            return 0
        end
        redis.call('HDEL', KEYS[1], 'owner')
        redis.call('HSET', KEYS[1], 'status', ARGV[2], 'headers', ARGV[3], 'body', ARGV[4])
        redis.call('PEXPIRE', KEYS[1], ARGV[5])
        return 1
        """;

    /// <summary>ARGV: owner. Frees the key for a retry when the attempt still owns it.</summary>
    public const string Abandon = """
        if redis.call('HGET', KEYS[1], 'owner') == ARGV[1] then
            return redis.call('DEL', KEYS[1])
        end
        return 0
        """;
}
