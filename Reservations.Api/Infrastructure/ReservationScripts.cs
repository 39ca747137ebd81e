namespace Reservations.Api.Infrastructure;

/// <summary>
/// Lua run inside Redis, so that each decision and its writes happen in one atomic step.
/// KEYS[1] is the flight's hash, KEYS[2] the customer's set of seats; ARGV[1] the seat, ARGV[2] the customer,
/// ARGV[3] the seat as a member of the customer's set.
/// </summary>
internal static class ReservationScripts
{
    /// <summary>1: reserved now; 0: the customer already held it; -1: another customer holds it.</summary>
    public const string Reserve = """
        if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 1 then
            redis.call('SADD', KEYS[2], ARGV[3])
            return 1
        end
        if redis.call('HGET', KEYS[1], ARGV[1]) == ARGV[2] then
            return 0
        end
        return -1
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
}
