using StackExchange.Redis;

namespace ServiceDefaults.Redis;

/// <summary>Which exceptions of StackExchange.Redis mean "Redis does not answer now" (a 503), not a bug.</summary>
public static class RedisFailures
{
    /// <summary>Error replies Redis gives while it cannot serve yet (loading its data, a script running too long).</summary>
    private static readonly string[] UnavailableReplies = ["LOADING", "BUSY", "MASTERDOWN", "TRYAGAIN"];

    public static bool IsUnavailable(Exception exception) => exception switch
    {
        RedisConnectionException or RedisTimeoutException => true,
        // No call passes a token: a cancellation means StackExchange.Redis dropped a dead connection with the command in flight.
        OperationCanceledException => true,
        // A command written just as the connection died finds its pipe already closed (seen when Redis is killed).
        InvalidOperationException when exception.TargetSite?.DeclaringType?.Namespace == "System.IO.Pipelines" => true,
        RedisServerException server => UnavailableReplies.Any(reply => server.Message.StartsWith(reply, StringComparison.Ordinal)),
        _ => false,
    };
}
