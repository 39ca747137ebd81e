using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace ServiceDefaults.Redis;

/// <summary>
/// Settings that let requests fail within about a second while Redis is away (rather than queue
/// until it is back) and reconnect by themselves when it returns, also when it was away at startup.
/// </summary>
internal static class RedisConnectionPolicy
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    public static void Apply(ConfigurationOptions options)
    {
        options.AbortOnConnectFail = false;
        options.SocketManager = SocketManager.ThreadPool;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ConnectTimeout = (int)Timeout.TotalMilliseconds;
        options.SyncTimeout = (int)Timeout.TotalMilliseconds;
        options.AsyncTimeout = (int)Timeout.TotalMilliseconds;
        // Timeouts are evaluated on each heartbeat: half a second keeps a stalled command under 1.5 s.
        options.HeartbeatInterval = Timeout / 2;
        options.ReconnectRetryPolicy = new ExponentialRetry(
            deltaBackOffMilliseconds: 250, maxDeltaBackOffMilliseconds: (int)(2 * Timeout).TotalMilliseconds);
        // Its own log would show each failed reconnect attempt with a stack trace (Aspire gives it the service's
        // loggers unless one is set): RedisOutageReporting logs an outage once.
        options.LoggerFactory = NullLoggerFactory.Instance;
    }
}
