using StackExchange.Redis;

namespace Reservations.Api.Infrastructure;

public static class RedisConnectionExtensions
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Registers one <see cref="IConnectionMultiplexer"/> for <c>ConnectionStrings:{connectionName}</c>
    /// (<c>host:port,password=…</c>) and a health check that pings it.
    /// </summary>
    public static IHostApplicationBuilder AddRedisConnection(this IHostApplicationBuilder builder, string connectionName)
    {
        var connectionString = builder.Configuration.GetConnectionString(connectionName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"ConnectionStrings:{connectionName} is not set; expected 'host:port,password=…'.");
        }

        builder.Services.AddSingleton<IConnectionMultiplexer>(services =>
        {
            var options = CreateOptions(connectionString);
            options.LoggerFactory = services.GetRequiredService<ILoggerFactory>();
            return ConnectionMultiplexer.Connect(options);
        });

        builder.Services.AddHealthChecks()
            .AddCheck<RedisHealthCheck>(connectionName, timeout: 2 * Timeout);

        return builder;
    }

    /// <summary>
    /// Settings that let requests fail within about a second while Redis is away (rather than queue
    /// until it is back) and reconnect by themselves when it returns, also when it was away at startup.
    /// </summary>
    private static ConfigurationOptions CreateOptions(string connectionString)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false;
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
