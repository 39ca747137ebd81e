using Airline.Hosting.ApplicationModel;
using Airline.Hosting.Local;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Airline.Hosting.Orchestration;

/// <summary>
/// Run mode: starts every resource of the model as soon as what it waits for is healthy, reports every
/// state change, and stops everything in reverse order. Backing services run as local processes.
/// </summary>
internal sealed class Orchestrator : IHostedService, IAsyncDisposable
{
    private readonly IReadOnlyList<IResource> _startOrder;
    private readonly OrchestratorOptions _options;
    private readonly ResourceNotificationService _notifications;
    private readonly ConsoleReporter _console;
    private readonly ProcessLedger _ledger;
    private readonly ParameterStore _parameters;
    private readonly Dictionary<IResource, ResourceRunner> _runners = new(ReferenceEqualityComparer.Instance);
    private readonly List<ResourceRunner> _started = [];
    private readonly CancellationTokenSource _stopping = new();
    private bool _disposed;

    public Orchestrator(
        DistributedApplicationModel model,
        OrchestratorOptions options,
        ResourceNotificationService notifications,
        IConfiguration configuration)
    {
        _startOrder = DependencyGraph.StartOrder(model.Resources);
        _options = options;
        _notifications = notifications;
        _console = new ConsoleReporter(options.Console);
        _ledger = new ProcessLedger(Path.Combine(options.StateDirectory, "processes"));
        _parameters = new ParameterStore(configuration, options.SecretsFile);
    }

    public IReadOnlyList<IResource> StartOrder => _startOrder;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_options.StateDirectory);
        var leftovers = _ledger.KillLeftovers();
        if (leftovers > 0)
        {
            _console.Line("apphost", $"ended {leftovers} process(es) an earlier run left behind");
        }

        DeleteEphemeralData();

        foreach (var resource in _startOrder.Where(r => r is not ParameterResource))
        {
            CreateRunner(resource);
            Publish(resource, s => s with { State = ResourceState.NotStarted });
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
        var starts = _runners.Values.Select(runner => RunAsync(runner, linked.Token)).ToList();
        await Task.WhenAll(starts);

        foreach (var project in _startOrder.OfType<ProjectResource>().Where(p => p.IsExternal))
        {
            _console.Line("apphost", $"{project.Name} is at {string.Join(", ", Endpoints(project))}");
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_disposed)
        {
            return;
        }

        await _stopping.CancelAsync();
        List<ResourceRunner> started;
        lock (_started)
        {
            started = [.. _started];
            _started.Clear();
        }

        for (var i = started.Count - 1; i >= 0; i--)
        {
            var runner = started[i];
            await runner.StopAsync();
            Publish(runner.Resource, s => s with { State = ResourceState.Finished, Healthy = false });
            foreach (var child in Children(runner.Resource))
            {
                Publish(child, s => s with { State = ResourceState.Finished, Healthy = false });
            }
        }

        _ledger.Clear();
        DeleteEphemeralData();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        _disposed = true;
        _stopping.Dispose();
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

    private void CreateRunner(IResource resource)
    {
        ResourceRunner? runner = resource switch
        {
            MySqlServerResource mysql => new MySqlServerRunner(mysql,
                new LocalMySqlServer(DataDirectory(mysql, mysql.PersistentData), _parameters.GetValue(mysql.Password), onOutput: Output(mysql.Name)),
                _ledger),
            RedisResource redis => new RedisRunner(redis,
                new LocalRedisServer(DataDirectory(redis, redis.PersistentData), _parameters.GetValue(redis.Password), onOutput: Output(redis.Name)),
                _ledger),
            ProjectResource project => CreateProjectRunner(project),
            IResourceWithParent => null,
            _ => throw new DistributedApplicationException($"'{resource.Name}' is a {resource.GetType().Name}, which run mode cannot start."),
        };

        if (runner is not null)
        {
            _runners[resource] = runner;
        }
    }

    private ProjectRunner CreateProjectRunner(ProjectResource project)
    {
        var urls = Enumerable.Range(0, project.Replicas)
            .Select(_ => new Uri($"http://127.0.0.1:{project.HttpPort ?? FreePort.Next()}"))
            .ToList();

        return new ProjectRunner(
            project,
            urls,
            replica => ProjectEnvironment.Render(project, replica, urls[replica], _options.EnvironmentName,
                GetConnectionString, Endpoints, new Dictionary<string, string>())
                .ToDictionary(pair => pair.Key, pair => (string?)pair.Value),
            (name, line) => _console.Line(name, line),
            _notifications,
            _ledger);
    }

    private async Task RunAsync(ResourceRunner runner, CancellationToken cancellationToken)
    {
        var resource = runner.Resource;
        try
        {
            await WaitForPrerequisitesAsync(resource, cancellationToken);

            Publish(resource, s => s with { State = ResourceState.Starting });
            lock (_started)
            {
                _started.Add(runner);
            }

            await runner.StartAsync(cancellationToken);

            var startedAt = DateTimeOffset.UtcNow;
            foreach (var started in Children(resource).Prepend(resource))
            {
                Publish(started, s => s with { State = ResourceState.Running, Healthy = true, StartedAt = startedAt, Error = null });
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The application is stopping; StopAsync reports the end of every resource.
        }
        catch (Exception exception) when (exception is DistributedApplicationException or LocalServerFailedException or MissingPrerequisiteException)
        {
            foreach (var failed in Children(resource).Prepend(resource))
            {
                Publish(failed, s => s with { State = ResourceState.FailedToStart, Healthy = false, Error = exception.Message });
            }
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
                _ = dependency.Behavior == WaitBehavior.Healthy
                    ? await _notifications.WaitForResourceHealthyAsync(dependency.Resource.Name, cancellationToken)
                    : await _notifications.WaitForResourceCompletionAsync(dependency.Resource.Name, cancellationToken);
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

    private Action<string> Output(string resourceName) => line => _console.Line(resourceName, line);

    private string DataDirectory(IResource resource, bool persistent) =>
        Path.Combine(_options.StateDirectory, persistent ? "volumes" : "ephemeral", resource.Name);

    private void DeleteEphemeralData()
    {
        var ephemeral = Path.Combine(_options.StateDirectory, "ephemeral");
        if (Directory.Exists(ephemeral))
        {
            Directory.Delete(ephemeral, recursive: true);
        }
    }
}
