using Airline.Hosting.ApplicationModel;

namespace Airline.Hosting.Orchestration;

internal sealed partial class Orchestrator
{
    private readonly SemaphoreSlim _commands = new(1, 1);

    /// <summary>Whether the resource runs as something that can be stopped and started (a database lives and dies with its server).</summary>
    public bool AcceptsCommands(IResource resource) => _runners.ContainsKey(resource);

    public RestartPolicy RestartPolicyOf(IResource resource) => _options.RestartPolicyOf(resource);

    /// <summary>The environment the resource was given, or an empty one for a resource that is given none.</summary>
    public IReadOnlyDictionary<string, string?> EnvironmentOf(IResource resource) =>
        _runners.GetValueOrDefault(resource)?.EnvironmentVariables ?? new Dictionary<string, string?>();

    /// <summary>
    /// Stops, starts or restarts one resource (with the databases inside it), one command at a time. A start
    /// counts as a restart; it does not wait for prerequisites, which are running already or were stopped on purpose.
    /// </summary>
    /// <exception cref="DistributedApplicationException">The resource cannot take the command in its current state.</exception>
    public async Task ExecuteCommandAsync(string resourceName, ResourceCommand command)
    {
        var runner = _runners.Values.SingleOrDefault(r => r.Resource.Name == resourceName)
            ?? throw new DistributedApplicationException($"'{resourceName}' cannot be stopped or started on its own.");

        await _commands.WaitAsync(_stopping.Token);
        try
        {
            var state = _notifications.TryGetCurrentState(resourceName)?.State;
            var allowed = command switch
            {
                ResourceCommand.Stop => state is ResourceState.Running,
                ResourceCommand.Start => state is ResourceState.Exited or ResourceState.Finished or ResourceState.FailedToStart,
                _ => state is ResourceState.Running or ResourceState.Exited or ResourceState.Finished or ResourceState.FailedToStart,
            };
            if (!allowed)
            {
                throw new DistributedApplicationException($"'{resourceName}' is {state}: it cannot {command.ToString().ToLowerInvariant()} now.");
            }

            if (command is ResourceCommand.Stop or ResourceCommand.Restart)
            {
                await StopRunnerAsync(runner);
            }

            if (command is ResourceCommand.Start or ResourceCommand.Restart)
            {
                foreach (var resource in Children(runner.Resource).Prepend(runner.Resource))
                {
                    Publish(resource, s => s with { State = ResourceState.Starting, Healthy = false, ExitCode = null, Error = null, Restarts = s.Restarts + 1 });
                }

                await StartRunnerAsync(runner, _stopping.Token);
            }
        }
        finally
        {
            _commands.Release();
        }
    }

    private async Task StopRunnerAsync(ResourceRunner runner)
    {
        StopWatching(runner);
        await runner.StopAsync();
        foreach (var resource in Children(runner.Resource).Prepend(runner.Resource))
        {
            Publish(resource, s => s with { State = ResourceState.Finished, Healthy = false, ProcessId = null });
        }
    }
}
