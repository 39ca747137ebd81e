using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Trace;

namespace ServiceDefaults.Redis;

public static class RedisClientExtensions
{
    public const string DependencyName = "Redis";

    /// <summary>
    /// Registers Aspire's Redis client for <c>ConnectionStrings:{connectionName}</c> (<c>host:port,password=…</c>) with
    /// the <see cref="RedisConnectionPolicy"/>, outages logged once, <see cref="RedisCommands"/> to call it and, when
    /// the service cannot serve without Redis, a readiness check that pings it.
    /// </summary>
    /// <param name="readiness">False for a service that still answers most requests while Redis is away.</param>
    public static IHostApplicationBuilder AddDefaultRedisClient(this IHostApplicationBuilder builder, string connectionName, bool readiness = true)
    {
        builder.AddRedisClient(
            connectionName,
            settings =>
            {
                // Opened by the first requests instead, the connection blocks a thread-pool thread per waiting request
                // (it is made synchronously, once) while its own I/O needs the same pool: on two busy cores the connect
                // can then time out and the first requests answer 503.
                settings.DisableAutoActivation = false;
                // Aspire's check carries each failure's exception and leaves the outage unreported; RedisHealthCheck does not.
                settings.DisableHealthChecks = true;
            },
            RedisConnectionPolicy.Apply);
        builder.Services.ReportRedisOutages();
        builder.Services.AddSingleton<RedisCommands>();
        builder.Services.AddOpenTelemetry().WithTracing(tracing => tracing.AddSource(RedisCommands.ActivitySourceName));

        if (readiness)
        {
            builder.Services.AddHealthChecks()
                .AddCheck<RedisHealthCheck>(connectionName, timeout: 2 * RedisConnectionPolicy.Timeout);
        }

        return builder;
    }
}
