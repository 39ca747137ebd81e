using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Gateway.Authentication;

/// <summary>
/// Ready once the gateway holds its own token: without it no seat chart can be composed. Once held, a token is
/// reused (and renewed) as long as it is valid, so a later identity outage does not make the gateway unready.
/// </summary>
internal sealed class GatewayTokenHealthCheck(GatewayTokenCache cache) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(cache.Current is null
            ? HealthCheckResult.Unhealthy("The gateway has not yet got its own token from the identity service.")
            : HealthCheckResult.Healthy());
}
