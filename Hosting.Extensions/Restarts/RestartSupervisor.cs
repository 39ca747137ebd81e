using System.Collections.Concurrent;
using System.Globalization;
using Airline.Hosting.LocalServers;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Eventing;
using Aspire.Hosting.Lifecycle;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Airline.Hosting.Restarts;

/// <summary>
/// Carries out the restart policies (Aspire has none): it watches every resource's replicas and, when one exits without
/// being asked to (it went from running to finished without passing through Stopping, which a stop command and the
/// application's shutdown do), shows it as Exited with its exit code and starts it again through Aspire's own start
/// command after the policy's back-off. The number of restarts is a property of the replica on the dashboard.
/// </summary>
internal sealed partial class RestartSupervisor(
    ResourceNotificationService notifications,
    ResourceCommandService commands,
    ResourceLoggerService loggers,
    IHostApplicationLifetime lifetime,
    IConfiguration configuration) : IDistributedApplicationEventingSubscriber
{
    private readonly TimeProvider _time = TimeProvider.System;

    private readonly ConcurrentDictionary<string, Replica> _replicas = new();

    public Task SubscribeAsync(IDistributedApplicationEventing eventing, DistributedApplicationExecutionContext executionContext, CancellationToken cancellationToken)
    {
        if (executionContext.IsRunMode)
        {
            eventing.Subscribe<BeforeStartEvent>((_, _) =>
            {
                _ = WatchAsync(lifetime.ApplicationStopping);
                return Task.CompletedTask;
            });
        }

        return Task.CompletedTask;
    }

    private async Task WatchAsync(CancellationToken stopping)
    {
        try
        {
            await foreach (var change in notifications.WatchAsync(stopping))
            {
                if (PolicyOf(change.Resource) is { Mode: not RestartMode.Never } policy)
                {
                    await ObserveAsync(change, policy, stopping);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The application stops: whatever exits now was asked to.
        }
    }

    private async Task ObserveAsync(ResourceEvent change, RestartPolicy policy, CancellationToken stopping)
    {
        var replica = _replicas.GetOrAdd(change.ResourceId, _ => new Replica());
        var state = change.Snapshot.State?.Text;
        var previous = replica.State;
        replica.State = state;
        if (state == KnownResourceStates.Running && previous != KnownResourceStates.Running)
        {
            replica.RunningSince = _time.GetUtcNow();
        }

        var exitedOnItsOwn = (state == KnownResourceStates.Finished || state == KnownResourceStates.Exited)
            && (previous == KnownResourceStates.Running || previous == KnownResourceStates.Starting);
        if (!exitedOnItsOwn || stopping.IsCancellationRequested)
        {
            return;
        }

        if (_time.GetUtcNow() - replica.RunningSince >= RestartPolicy.MaxDelay)
        {
            replica.FailuresInARow = 0;
        }

        var exitCode = change.Snapshot.ExitCode;
        var failed = change.Resource is not ExecutableResource || change.Resource is LocalServerResource || exitCode != 0;
        var delay = policy.DelayBeforeRestart(failed, replica.FailuresInARow);
        var logger = loggers.GetLogger(change.ResourceId);
        await notifications.PublishUpdateAsync(change.Resource, change.ResourceId, snapshot => snapshot with
        {
            State = new ResourceStateSnapshot(KnownResourceStates.Exited, KnownResourceStateStyles.Error),
            ExitCode = exitCode,
        });

        if (delay is not { } wait)
        {
            LogNotRestarted(logger, ExitCodeText(exitCode), policy.ToString());
            return;
        }

        replica.FailuresInARow++;
        replica.Restarts++;
        LogRestarting(logger, ExitCodeText(exitCode), wait.TotalMilliseconds, replica.Restarts);
        _ = RestartAsync(change.Resource, change.ResourceId, replica.Restarts, wait, stopping);
    }

    private async Task RestartAsync(IResource resource, string resourceId, int restarts, TimeSpan wait, CancellationToken stopping)
    {
        try
        {
            await Task.Delay(wait, _time, stopping);
            var result = await commands.ExecuteCommandAsync(resourceId, KnownResourceCommands.StartCommand, stopping);
            if (!result.Success)
            {
                LogRestartFailed(loggers.GetLogger(resourceId), result.Message ?? "no reason given");
            }

            await notifications.PublishUpdateAsync(resource, resourceId, snapshot => snapshot with
            {
                Properties = [.. snapshot.Properties.Where(property => property.Name != RestartPolicy.RestartsProperty),
                    new ResourcePropertySnapshot(RestartPolicy.RestartsProperty, restarts.ToString(CultureInfo.InvariantCulture)) { DisplayName = "Restarts" }],
            });
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The application stops before the restart was due.
        }
    }

    private RestartPolicy? PolicyOf(IResource resource) =>
        resource.TryGetLastAnnotation<RestartPolicyAnnotation>(out var annotation) ? annotation.Policy
        : resource is ProjectResource or ContainerResource or LocalServerResource && DefaultsApply() ? RestartPolicy.OnFailure()
        : null;

    private bool DefaultsApply() => !string.Equals(configuration["Restarts:Default"], nameof(RestartMode.Never), StringComparison.OrdinalIgnoreCase);

    private static string ExitCodeText(int? exitCode) => exitCode?.ToString(CultureInfo.InvariantCulture) ?? "unknown";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Exited on its own with code {ExitCode}; restarting in {DelayMilliseconds} ms (restart {Restart}).")]
    private static partial void LogRestarting(ILogger logger, string exitCode, double delayMilliseconds, int restart);

    [LoggerMessage(Level = LogLevel.Error, Message = "Exited on its own with code {ExitCode}; not restarted (restart policy {Policy}).")]
    private static partial void LogNotRestarted(ILogger logger, string exitCode, string policy);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not be restarted: {Reason}")]
    private static partial void LogRestartFailed(ILogger logger, string reason);

    private sealed class Replica
    {
        public string? State { get; set; }

        public DateTimeOffset RunningSince { get; set; }

        public int FailuresInARow { get; set; }

        public int Restarts { get; set; }
    }
}
