using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace ServiceDefaults.Redis;

/// <summary>
/// The outage is logged once when it starts and once when it ends, as the connection that carries commands sees it:
/// the multiplexer's second connection (pub/sub) fails and comes back on its own schedule, and counted too it made
/// one outage look like two.
/// </summary>
internal static class RedisOutageReporting
{
    /// <summary>Subscribes to the multiplexer that Aspire's AddRedisClient registered as soon as it is made, whoever asks for it first.</summary>
    public static void ReportRedisOutages(this IServiceCollection services)
    {
        var createClient = services.Single(service => service.ServiceType == typeof(IConnectionMultiplexer) && !service.IsKeyedService)
            .ImplementationFactory ?? throw new InvalidOperationException("AddRedisClient registered no IConnectionMultiplexer factory.");

        services.Replace(ServiceDescriptor.Singleton(provider =>
        {
            var redis = (IConnectionMultiplexer)createClient(provider);
            Report(redis, provider.GetRequiredService<DependencyOutages>());
            return redis;
        }));
    }

    private static void Report(IConnectionMultiplexer redis, DependencyOutages outages)
    {
        redis.ConnectionFailed += (_, failure) =>
        {
            if (failure.ConnectionType == ConnectionType.Interactive)
            {
                outages.ReportDown(RedisClientExtensions.DependencyName, failure.Exception);
            }
        };
        redis.ConnectionRestored += (_, restored) =>
        {
            if (restored.ConnectionType == ConnectionType.Interactive)
            {
                outages.ReportUp(RedisClientExtensions.DependencyName);
            }
        };
    }
}
