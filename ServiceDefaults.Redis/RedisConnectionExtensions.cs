using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace ServiceDefaults.Redis;

public static class RedisConnectionExtensions
{
    public const string DependencyName = "Redis";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Registers one <see cref="IConnectionMultiplexer"/> for <c>ConnectionStrings:{connectionName}</c>
    /// (<c>host:port,password=…</c>) and, when the service cannot serve without Redis, a readiness check that pings it.
    /// </summary>
    /// <param name="readiness">False for a service that still answers most requests while Redis is away.</param>
    public static IHostApplicationBuilder AddRedisConnection(this IHostApplicationBuilder builder, string connectionName, bool readiness = true)
    {
        var connectionString = builder.Configuration.GetConnectionString(connectionName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"ConnectionStrings:{connectionName} is not set; expected 'host:port,password=…'.");
        }

        builder.Services.AddSingleton<IConnectionMultiplexer>(services =>
        {
            var redis = ConnectionMultiplexer.Connect(CreateOptions(connectionString));
            ReportOutages(redis, services.GetRequiredService<DependencyOutages>());
            return redis;
        });
        builder.Services.AddHostedService<RedisConnectionWarmup>();

        if (readiness)
        {
            builder.Services.AddHealthChecks()
                .AddCheck<RedisHealthCheck>(connectionName, timeout: 2 * Timeout);
        }

        return builder;
    }

    /// <summary>
    /// The multiplexer retries a lost connection every few hundred milliseconds; its own log would show each
    /// failed attempt with a stack trace. The outage is logged once when it starts and once when it ends, as the
    /// connection that carries commands sees it: the multiplexer's second connection (pub/sub) fails and comes back
    /// on its own schedule, and counted too it made one outage look like two.
    /// </summary>
    private static void ReportOutages(ConnectionMultiplexer redis, DependencyOutages outages)
    {
        redis.ConnectionFailed += (_, failure) =>
        {
            if (failure.ConnectionType == ConnectionType.Interactive)
            {
                outages.ReportDown(DependencyName, failure.Exception);
            }
        };
        redis.ConnectionRestored += (_, restored) =>
        {
            if (restored.ConnectionType == ConnectionType.Interactive)
            {
                outages.ReportUp(DependencyName);
            }
        };
    }

    /// <summary>
    /// Settings that let requests fail within about a second while Redis is away (rather than queue
    /// until it is back) and reconnect by themselves when it returns, also when it was away at startup.
    /// </summary>
    private static ConfigurationOptions CreateOptions(string connectionString)
    {
        var options = ConfigurationOptions.Parse(connectionString);
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
        return options;
    }
}
