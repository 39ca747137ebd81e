using Microsoft.Extensions.Options;

namespace Gateway.Authentication;

/// <summary>
/// Gets the gateway's own token once the gateway has started, retrying until it comes, so the first seat chart
/// does not wait for (or time out on) the identity service's first client-credentials exchange.
/// </summary>
internal sealed class GatewayTokenWarmup(IServiceProvider services, IOptions<GatewayClientOptions> options) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);
    private const int Attempts = 60;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.ClientSecret is null)
        {
            return;
        }

        for (var attempt = 1; attempt <= Attempts && !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await services.GetRequiredService<GatewayTokenClient>().GetTokenAsync(stoppingToken);
                return;
            }
            catch (DependencyUnavailableException)
            {
                await Task.Delay(RetryDelay, stoppingToken);
            }
        }
    }
}
