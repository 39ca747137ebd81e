using System.Security.Cryptography;
using System.Text;
using Airline.Hosting.ApplicationModel;
using Airline.Hosting.Containers;
using Airline.Hosting.Local;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Airline.Hosting.Orchestration;

/// <summary>
/// Run mode: starts every resource of the model as soon as what it waits for is healthy, reports every
/// state change, and stops everything in reverse order. MySQL and Redis run as containers where a
/// container runtime answers (or <c>--runtime container</c>), otherwise as local processes. While they
/// run it watches their health and takes commands (stop, start, restart one resource).
/// </summary>
internal sealed partial class Orchestrator : IHostedService, IAsyncDisposable
{
    private readonly IReadOnlyList<IResource> _startOrder;
    private readonly OrchestratorOptions _options;
    private readonly ResourceNotificationService _notifications;
    private readonly ConsoleReporter _console;
    private readonly ResourceLogService _logs;
    private readonly ProcessLedger _ledger;
    private readonly ParameterStore _parameters;
    private readonly IConfiguration _configuration;
    private readonly string _containerLabel;
    private readonly Dictionary<IResource, ResourceRunner> _runners = new(ReferenceEqualityComparer.Instance);
    private readonly List<ResourceRunner> _started = [];
    private readonly Dictionary<ResourceRunner, ProcessWatcher> _watchers = [];
    private readonly CancellationTokenSource _stopping = new();
    private Task _healthMonitor = Task.CompletedTask;
    private bool _disposed;

    public Orchestrator(
        DistributedApplicationModel model,
        OrchestratorOptions options,
        ResourceNotificationService notifications,
        IConfiguration configuration,
        ResourceLogService? logs = null)
    {
        _startOrder = DependencyGraph.StartOrder(model.Resources);
        _options = options;
        _notifications = notifications;
        _console = new ConsoleReporter(options.Console);
        _logs = logs ?? new ResourceLogService();
        _ledger = new ProcessLedger(Path.Combine(options.StateDirectory, "processes"));
        _parameters = new ParameterStore(configuration, options.SecretsFile);
        _configuration = configuration;
        _containerLabel = "airline-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(options.StateDirectory)))[..10].ToLowerInvariant();
    }

    public IReadOnlyList<IResource> StartOrder => _startOrder;

    internal ParameterStore Parameters => _parameters;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_options.StateDirectory);
        var leftovers = _ledger.KillLeftovers();
        if (leftovers > 0)
        {
            _console.Line("apphost", $"ended {leftovers} process(es) an earlier run left behind");
        }

        DeleteEphemeralData();

        var factory = await CreateRunnerFactoryAsync(cancellationToken);
        foreach (var resource in _startOrder.Where(r => r is not ParameterResource))
        {
            if (factory.Create(resource) is { } runner)
            {
                _runners[resource] = runner;
            }

            Publish(resource, s => s with { State = ResourceState.NotStarted });
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
        var starts = _runners.Values.Select(runner => RunAsync(runner, linked.Token)).ToList();
        await Task.WhenAll(starts);
        _healthMonitor = MonitorHealthAsync(_stopping.Token);

        // A front end starts after everything it uses, so the last external project is the one a person opens.
        var external = _startOrder.OfType<ProjectResource>().Where(p => p.IsExternal).Reverse().ToList();
        for (var i = 0; i < external.Count; i++)
        {
            var open = i == 0 && external.Count > 1 ? " (open this one)" : "";
            _console.Line("apphost", $"{external[i].Name} is at {string.Join(", ", Endpoints(external[i]))}{open}");
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_disposed)
        {
            return;
        }

        await _stopping.CancelAsync();
        await _healthMonitor;
        List<ResourceRunner> started;
        lock (_started)
        {
            started = [.. _started];
            _started.Clear();
        }

        for (var i = started.Count - 1; i >= 0; i--)
        {
            await StopRunnerAsync(started[i]);
        }

        _ledger.Clear();
        DeleteEphemeralData();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        _disposed = true;
        _stopping.Dispose();
        _commands.Dispose();
        if (_options.DeleteStateOnDispose && Directory.Exists(_options.StateDirectory))
        {
            Directory.Delete(_options.StateDirectory, recursive: true);
        }
    }

    /// <summary>The connection string a reference to <paramref name="resource"/> is given.</summary>
    public string GetConnectionString(IResource resource)
    {
        var owner = resource is IResourceWithParent child ? child.Parent : resource;
        return _runners.GetValueOrDefault(owner) is IConnectionStringSource source
            ? source.GetConnectionString(resource)
            : throw new DistributedApplicationException($"'{resource.Name}' has no connection string.");
    }

    /// <summary>The URL of every replica of a project.</summary>
    public IReadOnlyList<Uri> Endpoints(IResource resource) =>
        _runners.GetValueOrDefault(resource) is ProjectRunner project
            ? project.Urls
            : throw new DistributedApplicationException($"'{resource.Name}' has no HTTP endpoints.");

    internal ProjectRunner ProjectRunner(string name) =>
        _runners.Values.OfType<ProjectRunner>().SingleOrDefault(r => r.Resource.Name == name)
        ?? throw new DistributedApplicationException($"There is no project named '{name}'.");

    private async Task<RunnerFactory> CreateRunnerFactoryAsync(CancellationToken cancellationToken)
    {
        var runtime = _options.Runtime.ToLowerInvariant();
        if (runtime is not ("auto" or "local" or "container"))
        {
            throw new DistributedApplicationException($"--runtime {_options.Runtime} is not one of auto, local and container.");
        }

        var needsContainers = runtime == "container" || _startOrder.OfType<ContainerResource>().Any();
        var containerRuntime = _options.ContainerRuntime
            ?? (runtime == "local" && !needsContainers ? null : await CliContainerRuntime.DetectAsync(cancellationToken));
        if (runtime == "container" && containerRuntime is null)
        {
            throw new MissingPrerequisiteException(
                "--runtime container was asked for but no container runtime answers: start Docker or Podman, or use --runtime local.");
        }

        var serversInContainers = containerRuntime is not null && runtime != "local";
        _console.Line("apphost", serversInContainers
            ? $"MySQL and Redis run as containers ({containerRuntime!.Name})"
            : "MySQL and Redis run as local processes");

        if (containerRuntime is not null && await containerRuntime.RemoveLeftoversAsync(_containerLabel, cancellationToken) is > 0 and var removed)
        {
            _console.Line("apphost", $"removed {removed} container(s) an earlier run left behind");
        }

        return new RunnerFactory(_options, _configuration, _parameters, _ledger, _console, _notifications, _logs,
            containerRuntime, serversInContainers, _containerLabel, GetConnectionString, Endpoints);
    }

    private async Task RunAsync(ResourceRunner runner, CancellationToken cancellationToken)
    {
        try
        {
            await WaitForPrerequisitesAsync(runner.Resource, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The application is stopping; StopAsync reports the end of every resource.
            return;
        }
        catch (DistributedApplicationException exception)
        {
            ReportFailure(runner.Resource, exception);
            return;
        }

        Publish(runner.Resource, s => s with { State = ResourceState.Starting });
        await StartRunnerAsync(runner, cancellationToken);
    }

    /// <summary>Starts a runner whose prerequisites are met and reports it Running, or FailedToStart with why.</summary>
    private async Task StartRunnerAsync(ResourceRunner runner, CancellationToken cancellationToken)
    {
        var resource = runner.Resource;
        try
        {
            lock (_started)
            {
                if (!_started.Contains(runner))
                {
                    _started.Add(runner);
                }
            }

            await runner.StartAsync(cancellationToken);

            var startedAt = DateTimeOffset.UtcNow;
            foreach (var started in Children(resource).Prepend(resource))
            {
                Publish(started, s => s with { State = ResourceState.Running, Healthy = true, StartedAt = startedAt, Error = null, ProcessId = runner.ProcessId });
            }

            if (runner.Exited is { } exited)
            {
                Watch(runner, exited);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The application is stopping; StopAsync reports the end of every resource.
        }
        catch (Exception exception) when (exception is DistributedApplicationException or LocalServerFailedException or MissingPrerequisiteException)
        {
            ReportFailure(resource, exception);
        }
    }

    private void ReportFailure(IResource resource, Exception exception)
    {
        foreach (var failed in Children(resource).Prepend(resource))
        {
            Publish(failed, s => s with { State = ResourceState.FailedToStart, Healthy = false, Error = exception.Message });
        }
    }

    /// <summary>Sees the runner's process end: reported, and started again as the resource's restart policy says.</summary>
    private void Watch(ResourceRunner runner, Task<int> exited)
    {
        var watcher = new ProcessWatcher(
            _options.RestartPolicyOf(runner.Resource),
            runner.Resource is ExecutableResource,
            async cancellationToken =>
            {
                await runner.StartAsync(cancellationToken);
                return runner.Exited!;
            },
            seen => Report(runner, seen));
        lock (_watchers)
        {
            if (_watchers.Remove(runner, out var replaced))
            {
                replaced.StopAsked();
            }

            _watchers[runner] = watcher;
        }

        _ = watcher.WatchAsync(exited, _stopping.Token);
    }

    private void StopWatching(ResourceRunner runner)
    {
        lock (_watchers)
        {
            if (_watchers.Remove(runner, out var watcher))
            {
                watcher.StopAsked();
            }
        }
    }

    /// <summary>A job's exit with code 0 that is not followed by a restart is Finished; any other exit is Exited with the last output.</summary>
    private void Report(ResourceRunner runner, WatchedEvent seen)
    {
        var startedAt = DateTimeOffset.UtcNow;
        foreach (var resource in Children(runner.Resource).Prepend(runner.Resource))
        {
            Publish(resource, s => seen switch
            {
                WatchedEvent.Exited { Failed: false, RestartIn: null } => s with { State = ResourceState.Finished, Healthy = false, ExitCode = 0, Error = null, ProcessId = null },
                WatchedEvent.Exited exited => s with
                {
                    State = ResourceState.Exited,
                    Healthy = false,
                    ExitCode = exited.ExitCode,
                    Error = exited.Describe(runner.RecentOutput),
                    ProcessId = null,
                },
                WatchedEvent.RestartFailed failed => s with
                {
                    State = failed.RetryIn is null ? ResourceState.FailedToStart : ResourceState.Exited,
                    Healthy = false,
                    Error = failed.Describe(),
                },
                _ => s with
                {
                    State = ResourceState.Running,
                    Healthy = true,
                    StartedAt = startedAt,
                    ExitCode = null,
                    Error = null,
                    Restarts = s.Restarts + 1,
                    ProcessId = runner.ProcessId,
                },
            });
        }
    }

    private async Task WaitForPrerequisitesAsync(IResource resource, CancellationToken cancellationToken)
    {
        var dependencies = resource is Resource declared ? declared.WaitsFor.Where(d => d.Resource is not ParameterResource).ToList() : [];
        if (dependencies.Count == 0)
        {
            return;
        }

        Publish(resource, s => s with { State = ResourceState.Waiting });
        foreach (var dependency in dependencies)
        {
            try
            {
                if (dependency.Behavior == WaitBehavior.Healthy)
                {
                    await _notifications.WaitForResourceHealthyAsync(dependency.Resource.Name, cancellationToken);
                }
                else if (await _notifications.WaitForResourceCompletionAsync(dependency.Resource.Name, cancellationToken) is { ExitCode: not 0 } failed)
                {
                    throw new DistributedApplicationException($"'{failed.Name}' {failed.Error}");
                }
            }
            catch (DistributedApplicationException exception)
            {
                throw new DistributedApplicationException($"it waits for {exception.Message}", exception);
            }
        }
    }

    private IEnumerable<IResource> Children(IResource resource) =>
        _startOrder.OfType<IResourceWithParent>().Where(child => ReferenceEquals(child.Parent, resource));

    private void Publish(IResource resource, Func<ResourceSnapshot, ResourceSnapshot> update)
    {
        var kind = _runners.GetValueOrDefault(resource)?.Kind ?? "Database";
        var before = _notifications.TryGetCurrentState(resource.Name);
        _notifications.Publish(resource, kind, update);
        var after = _notifications.TryGetCurrentState(resource.Name)!;
        if (before?.State != after.State || before.Healthy != after.Healthy)
        {
            _console.State(after);
        }
    }

    private void DeleteEphemeralData()
    {
        var ephemeral = Path.Combine(_options.StateDirectory, "ephemeral");
        if (Directory.Exists(ephemeral))
        {
            Directory.Delete(ephemeral, recursive: true);
        }
    }
}
