namespace Airline.Hosting.Orchestration;

internal sealed partial class Orchestrator
{
    /// <summary>Until the application stops: asks every running resource that has a health check whether it still answers.</summary>
    private async Task MonitorHealthAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_options.HealthCheckInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var running = _runners.Values
                    .Where(runner => runner.HasHealthCheck && _notifications.TryGetCurrentState(runner.Resource.Name)?.State == ResourceState.Running);
                await Task.WhenAll(running.Select(runner => CheckHealthAsync(runner, cancellationToken)));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The application is stopping.
        }
    }

    private async Task CheckHealthAsync(ResourceRunner runner, CancellationToken cancellationToken)
    {
        var healthy = await runner.CheckHealthAsync(cancellationToken);
        foreach (var resource in Children(runner.Resource).Prepend(runner.Resource))
        {
            Publish(resource, s => s.State == ResourceState.Running && s.Healthy != healthy ? s with { Healthy = healthy } : s);
        }
    }
}
