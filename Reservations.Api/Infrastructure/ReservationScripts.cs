namespace Reservations.Api.Infrastructure;

/// <summary>
/// Lua run inside Redis, so that each decision and its write happen in one atomic step.
/// KEYS[1] is the flight's hash, ARGV[1] the seat, ARGV[2] the customer.
/// </summary>
internal static class ReservationScripts
{
    /// <summary>1: reserved now; 0: the customer already held it; -1: another customer holds it.</summary>
    public const string Reserve = """
        if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 1 then
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
        return 1
        """;
}
