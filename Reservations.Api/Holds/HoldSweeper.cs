using Microsoft.Extensions.Options;
using Reservations.Api.Infrastructure;

namespace Reservations.Api.Holds;

/// <summary>
/// Frees the seats of expired holds every <see cref="HoldOptions.SweepInterval"/>. Correctness does not depend on it
/// (the scripts treat an expired hold as gone); it keeps the flights' held seats and the expiry queue small. Several
/// instances may sweep at once: freeing a hold is one script that does nothing to a hold already freed.
/// </summary>
internal sealed partial class HoldSweeper(HoldStore holds, IOptions<HoldOptions> options, ILogger<HoldSweeper> logger) : BackgroundService
{
    private const int BatchSize = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                int due;
                do
                {
                    due = await holds.SweepAsync(BatchSize);
                    if (due > 0)
                    {
                        LogSwept(logger, due);
                    }
                }
                while (due == BatchSize && !stoppingToken.IsCancellationRequested);
            }
            catch (DependencyUnavailableException)
            {
                // Redis is away: its outage is logged once elsewhere; the next tick tries again.
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // An unhandled exception would stop the whole service; the next tick tries again.
                LogFailed(logger, exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweeping expired holds failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Swept {Count} expired holds")]
    private static partial void LogSwept(ILogger logger, int count);
}
