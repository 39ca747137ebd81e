using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Fetches the identity service's discovery document and signing keys once the service has started, retrying
/// until they come, so the first request with a token does not pay for (or time out on) that fetch.
/// </summary>
internal sealed partial class IdentityMetadataWarmup(
    IOptionsMonitor<JwtBearerOptions> options,
    ILogger<IdentityMetadataWarmup> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var configuration = options.Get(JwtBearerDefaults.AuthenticationScheme).ConfigurationManager;
        if (configuration is null)
        {
            return;
        }

        var started = DateTimeOffset.UtcNow;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await configuration.GetConfigurationAsync(stoppingToken);
                return;
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                if (DateTimeOffset.UtcNow - started > GiveUpAfter)
                {
                    LogGaveUp(logger, GiveUpAfter.TotalSeconds, exception.Message);
                    return;
                }

                await Task.Delay(RetryDelay, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The identity service's keys could not be fetched within {Seconds} s ({Reason}); requests with a token will fetch them")]
    private static partial void LogGaveUp(ILogger logger, double seconds, string reason);
}
