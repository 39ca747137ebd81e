using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AppHostStartup;

/// <summary>When one instance of a resource (a replica has its own) reached each milestone, since the clock started.</summary>
internal sealed record InstanceTimes(string Resource, string InstanceId)
{
    /// <summary>The process DCP started for it: the server itself, or for a project the <c>dotnet run</c> that starts it.</summary>
    public int? ProcessId { get; set; }

    public TimeSpan? ProcessSeen { get; set; }

    /// <summary>A project's own process, which its <c>dotnet run</c> starts once it has evaluated the project.</summary>
    public TimeSpan? ServiceProcessSeen { get; set; }

    public TimeSpan? LeftNotStarted { get; set; }

    public TimeSpan? Running { get; set; }

    public TimeSpan? Healthy { get; set; }
}

/// <summary>
/// Follows every resource's state from Aspire's <see cref="ResourceNotificationService"/> and notes the first time each
/// instance reached each milestone; completes <see cref="AllHealthy"/> once every expected instance is Running and Healthy.
/// </summary>
internal sealed class ResourceTimeline(Stopwatch clock, IReadOnlyCollection<string> resources)
{
    private readonly ConcurrentDictionary<string, InstanceTimes> _instances = new();
    private readonly TaskCompletionSource _allHealthy = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Dictionary<string, int> _replicas = [];

    public Task AllHealthy => _allHealthy.Task;

    public IEnumerable<InstanceTimes> Instances => _instances.Values.Where(times => resources.Contains(times.Resource));

    /// <summary>Resources with fewer Running and Healthy instances than replicas, and how many of them are.</summary>
    public IEnumerable<string> NotYetHealthy => _replicas
        .Select(resource => (resource.Key, resource.Value, Healthy: Instances.Count(i => i.Resource == resource.Key && i.Healthy is not null)))
        .Where(resource => resource.Healthy < resource.Value)
        .Select(resource => $"{resource.Key} ({resource.Healthy} of {resource.Value} healthy)");

    public void Follow(DistributedApplicationModel model, ResourceNotificationService notifications, CancellationToken stop)
    {
        var missing = resources.Except(model.Resources.Select(r => r.Name)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"The AppHost's model has no {string.Join(", ", missing)}.");
        }

        _replicas = model.Resources.Where(r => resources.Contains(r.Name))
            .ToDictionary(r => r.Name, r => r.TryGetLastAnnotation<ReplicaAnnotation>(out var replicas) ? replicas.Replicas : 1);
        _ = Task.Run(async () =>
        {
            await foreach (var update in notifications.WatchAsync(stop))
            {
                Note(update);
            }
        }, stop);
    }

    private void Note(ResourceEvent update)
    {
        var times = _instances.GetOrAdd(update.ResourceId, id => new InstanceTimes(update.Resource.Name, id));
        var state = update.Snapshot.State?.Text;
        var now = clock.Elapsed;
        if (update.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is { } pid)
        {
            times.ProcessId = int.Parse(Convert.ToString(pid, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture);
        }

        if (state is not null && state != KnownResourceStates.NotStarted)
        {
            times.LeftNotStarted ??= now;
        }

        if (state == KnownResourceStates.Running)
        {
            times.Running ??= now;
            if (update.Snapshot.HealthStatus == HealthStatus.Healthy)
            {
                times.Healthy ??= now;
            }
        }

        if (!NotYetHealthy.Any())
        {
            _allHealthy.TrySetResult();
        }
    }
}
