using Microsoft.Extensions.Options;

namespace Gateway.Rebooking;

/// <summary>
/// Ends the rebookings their gateway left unfinished — it crashed, was stopped, or could not reach Reservations.Api or
/// Redis — at start-up and every <see cref="RebookingOptions.RecoveryInterval"/>. Each is claimed first, so of several
/// replicas only one drives it, and only once its owner's lease has lapsed.
/// </summary>
internal sealed partial class RebookingRecovery(
    IServiceScopeFactory scopes,
    RebookingJournal journal,
    IOptions<RebookingOptions> options,
    ILogger<RebookingRecovery> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RecoveryInterval);
        do
        {
            try
            {
                await RecoverAsync();
            }
            catch (DependencyUnavailableException exception)
            {
                LogPostponed(logger, exception.Dependency);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass: every rebooking abandoned by now is claimed and ended (or left for the next pass).</summary>
    public async Task RecoverAsync()
    {
        foreach (var id in await journal.FindAbandonedAsync())
        {
            if (await journal.TryClaimAsync(id) is not { } rebooking)
            {
                continue;
            }

            await using var scope = scopes.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<RebookingSaga>().ResumeAsync(rebooking);
            LogEnded(logger, id, result.Outcome);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Recovered rebooking {RebookingId}: {Outcome}")]
    private static partial void LogEnded(ILogger logger, string rebookingId, RebookingOutcome outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unfinished rebookings are looked for again later: {Dependency} is unavailable")]
    private static partial void LogPostponed(ILogger logger, string dependency);
}
