using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace ServiceDefaults.Redis;

/// <summary>Readiness: Redis answers PING. A failure carries no exception: the outage is logged once, by <see cref="DependencyOutages"/>.</summary>
internal sealed class RedisHealthCheck(IConnectionMultiplexer redis, DependencyOutages outages) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var latency = await redis.GetDatabase().PingAsync().WaitAsync(cancellationToken);
            return HealthCheckResult.Healthy($"PING answered in {latency.TotalMilliseconds:0.#} ms.");
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            outages.ReportDown(RedisClientExtensions.DependencyName, exception);
            return new HealthCheckResult(context.Registration.FailureStatus, $"Redis does not answer PING: {exception.Message}");
        }
    }
}
