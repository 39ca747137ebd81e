using Airline.Hosting.ApplicationModel;
using Airline.Hosting.Local;

namespace Airline.Hosting.Orchestration;

/// <summary>
/// Runs each replica of a project as <c>dotnet {TargetPath}</c> from the project folder on its own port,
/// and reports it healthy once its health path answers 200 (and, while it runs, whether it still does).
/// A replica that exits on its own is reported and started again as the restart policy says.
/// </summary>
internal sealed class ProjectRunner(
    ProjectResource resource,
    IReadOnlyList<Uri> urls,
    Func<int, IReadOnlyDictionary<string, string?>> environment,
    Action<ConsoleOutput> output,
    ResourceNotificationService notifications,
    ProcessLedger ledger,
    RestartPolicy restartPolicy) : ResourceRunner
{
    private static readonly TimeSpan HealthyTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopGracePeriod = TimeSpan.FromSeconds(4);
    private static readonly HttpClient HealthClient = new() { Timeout = TimeSpan.FromSeconds(2) };

    private readonly LocalProcess?[] _replicas = new LocalProcess?[urls.Count];
    private readonly ProcessWatcher?[] _watchers = new ProcessWatcher?[urls.Count];

    public override IResource Resource => resource;

    public override string Kind => "Project";

    public IReadOnlyList<Uri> Urls => urls;

    public override bool HasHealthCheck => true;

    public override IReadOnlyDictionary<string, string?> EnvironmentVariables => environment(0);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(resource.Metadata.TargetPath))
        {
            throw new DistributedApplicationException(
                $"{resource.Metadata.TargetPath} does not exist: build the solution first (dotnet build).");
        }

        if (resource.HttpPort is { } port && !FreePort.IsFree(port))
        {
            throw new DistributedApplicationException(
                $"port {port} that {resource.Name} is given with WithHttpEndpoint is in use by another program: free it or choose another port.");
        }

        await Task.WhenAll(Enumerable.Range(0, urls.Count).Select(async replica =>
        {
            var process = await StartReplicaAsync(replica, cancellationToken);
            var watcher = new ProcessWatcher(
                restartPolicy,
                runsToCompletion: false,
                async ct => (await StartReplicaAsync(replica, ct)).Exited,
                seen => Report(replica, seen));
            _watchers[replica] = watcher;
            _ = watcher.WatchAsync(process.Exited, CancellationToken.None);
        }));
    }

    public override async Task StopAsync()
    {
        foreach (var watcher in _watchers.OfType<ProcessWatcher>())
        {
            watcher.StopAsked();
        }

        await Task.WhenAll(_replicas.OfType<LocalProcess>().Select(process => process.StopAsync(StopGracePeriod)));
        foreach (var process in _replicas.OfType<LocalProcess>())
        {
            await process.DisposeAsync();
        }

        Array.Clear(_replicas);
    }

    /// <summary>Kills one replica as a crash would (tests and the dashboard use it).</summary>
    public void KillReplica(int replica) => _replicas[replica]?.Kill();

    /// <summary>Asks every replica's health path; healthy when all of them answer 200.</summary>
    public override async Task<bool> CheckHealthAsync(CancellationToken cancellationToken)
    {
        var healthy = await Task.WhenAll(Enumerable.Range(0, urls.Count).Select(async replica =>
        {
            var process = _replicas[replica];
            var answers = process is { HasExited: false } && await IsHealthyAsync(urls[replica], cancellationToken);
            if (process is not null)
            {
                UpdateReplica(replica, process, r => r with { Healthy = answers });
            }

            return answers;
        }));
        return healthy.All(answers => answers);
    }

    private string ReplicaName(int replica) => urls.Count == 1 ? resource.Name : $"{resource.Name}-{replica}";

    private async Task<LocalProcess> StartReplicaAsync(int replica, CancellationToken cancellationToken)
    {
        var name = ReplicaName(replica);
        if (_replicas[replica] is { HasExited: true } exited)
        {
            await exited.DisposeAsync();
        }

        var process = LocalProcess.Start(
            "dotnet",
            [resource.Metadata.TargetPath],
            environment(replica),
            Path.GetDirectoryName(resource.Metadata.ProjectPath),
            line => output(new ConsoleOutput(name, line)),
            line => output(new ConsoleOutput(name, line, IsError: true)));
        _replicas[replica] = process;
        ledger.Record(process.Id);
        PublishReplica(replica, process, running: true);

        var deadline = DateTime.UtcNow + HealthyTimeout;
        while (!await IsHealthyAsync(urls[replica], cancellationToken))
        {
            if (process.HasExited)
            {
                throw new DistributedApplicationException(
                    $"{name} exited with code {await process.Exited} before it was healthy. Its last output:{Environment.NewLine}{process.RecentOutput()}");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new DistributedApplicationException(
                    $"{name} did not answer {resource.HealthCheckPath} with 200 within {HealthyTimeout.TotalSeconds:0} s. Its last output:{Environment.NewLine}{process.RecentOutput()}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        }

        UpdateReplica(replica, process, r => r with { Healthy = true });
        return process;
    }

    private async Task<bool> IsHealthyAsync(Uri url, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await HealthClient.GetAsync(new Uri(url, resource.HealthCheckPath), cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private void Report(int replica, WatchedEvent seen)
    {
        var process = _replicas[replica]!;
        switch (seen)
        {
            case WatchedEvent.Exited exited:
                var why = exited.Describe(process.RecentOutput());
                output(new ConsoleOutput(resource.Name, $"replica {replica} {why}", IsError: true));
                PublishReplica(replica, process, running: false, exited.ExitCode, why);
                break;
            case WatchedEvent.RestartFailed failed:
                output(new ConsoleOutput(resource.Name, $"replica {replica} {failed.Describe()}", IsError: true));
                PublishReplica(replica, process, running: false, process.HasExited ? process.Exited.Result : null, failed.Describe());
                break;
            default:
                output(new ConsoleOutput(resource.Name, $"replica {replica} restarted"));
                notifications.Publish(resource, Kind, snapshot => snapshot with
                {
                    State = ResourceState.Running,
                    ExitCode = null,
                    Error = null,
                    Restarts = snapshot.Restarts + 1,
                });
                break;
        }
    }

    /// <summary>Changes a replica's snapshot, unless the replica has been started again since (a late report of an old process).</summary>
    private void UpdateReplica(int replica, LocalProcess process, Func<ReplicaSnapshot, ReplicaSnapshot> update) =>
        notifications.Publish(resource, Kind, snapshot =>
            snapshot.Replicas is { } replicas && replicas[replica].ProcessId == process.Id && update(replicas[replica]) is var updated && updated != replicas[replica]
                ? snapshot with { Replicas = [.. replicas.Select(r => r.Index == replica ? updated : r)] }
                : snapshot);

    private void PublishReplica(int replica, LocalProcess process, bool running, int? exitCode = null, string? why = null) =>
        notifications.Publish(resource, Kind, snapshot =>
        {
            var replicas = (snapshot.Replicas ?? [.. urls.Select((url, index) => new ReplicaSnapshot(index, null, url, false))]).ToList();
            if (!running && replicas[replica].ProcessId != process.Id)
            {
                return snapshot;
            }

            replicas[replica] = new ReplicaSnapshot(replica, process.Id, urls[replica], running, exitCode);
            var anyRunning = replicas.Any(r => r.Running);
            return snapshot with
            {
                Replicas = replicas,
                Healthy = snapshot.Healthy && replicas.All(r => r.Running),
                State = anyRunning || snapshot.State != ResourceState.Running ? snapshot.State : ResourceState.Exited,
                ExitCode = anyRunning ? null : exitCode,
                Error = anyRunning ? snapshot.Error : why,
            };
        });
}
