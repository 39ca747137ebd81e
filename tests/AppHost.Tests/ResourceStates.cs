using System.Globalization;
using Airline.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace AppHost.Tests;

/// <summary>
/// What the tests read from Aspire's resource snapshots, per replica: with <c>WithReplicas(2)</c> each replica is a
/// resource id of its own (<c>flights-abcd1234</c>) under the one resource name.
/// </summary>
internal static class ResourceStates
{
    /// <summary>The resource ids of <paramref name="name"/>'s replicas (one for a resource without replicas), in order.</summary>
    public static async Task<string[]> ReplicaIdsAsync(this DistributedApplication app, string name)
    {
        var replicas = app.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(resource => resource.Name == name).GetReplicaCount();
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        // Watching replays every resource id's latest snapshot first.
        await foreach (var change in app.ResourceNotifications.WatchAsync(timeout.Token))
        {
            if (change.Resource.Name == name && ids.Add(change.ResourceId) && ids.Count == replicas)
            {
                break;
            }
        }

        return [.. ids];
    }

    /// <summary>The replica's latest snapshot.</summary>
    public static ResourceEvent Current(this DistributedApplication app, string resourceId) =>
        app.ResourceNotifications.TryGetCurrentState(resourceId, out var current) ? current : throw new InvalidOperationException($"{resourceId} has no state.");

    /// <summary>The first snapshot of the replica, the latest one included (watching replays it first), that satisfies <paramref name="predicate"/>.</summary>
    public static async Task<ResourceEvent> WaitForReplicaAsync(this DistributedApplication app, string resourceId, Func<ResourceEvent, bool> predicate, CancellationToken cancellationToken)
    {
        await foreach (var change in app.ResourceNotifications.WatchAsync(cancellationToken))
        {
            if (change.ResourceId == resourceId && predicate(change))
            {
                return change;
            }
        }

        throw new OperationCanceledException(cancellationToken);
    }

    /// <summary>Sends SIGKILL to the replica's service process (see <see cref="ServiceProcessId"/>); its process id.</summary>
    public static Task<int> KillAsync(this DistributedApplication app, string resourceId) => app.SignalAsync(resourceId, "KILL");

    /// <summary>Sends <paramref name="signal"/> to the replica's service process (see <see cref="ServiceProcessId"/>); its process id.</summary>
    public static async Task<int> SignalAsync(this DistributedApplication app, string resourceId, string signal)
    {
        var processId = app.Current(resourceId).ServiceProcessId();
        await ProcessSignals.SendAsync(signal, processId);
        return processId;
    }

    /// <summary>
    /// The process that serves: DCP runs a project as <c>dotnet run --no-build</c>, whose child is the service itself
    /// (what <c>ps</c> shows as Flights.Api, and what an operator's <c>kill -9</c> hits). A SIGKILL of <c>dotnet run</c>
    /// instead would leave the service running, orphaned, and DCP would see no exit. For a server (redis-server,
    /// mariadbd) it is the process DCP started.
    /// </summary>
    public static int ServiceProcessId(this ResourceEvent resource)
    {
        var processId = resource.ProcessId();
        while (Children(processId) is [var child, ..])
        {
            processId = child;
        }

        return processId;
    }

    private static List<int> Children(int processId)
    {
        try
        {
            return [.. Directory.GetDirectories($"/proc/{processId}/task")
                .SelectMany(task => File.ReadAllText(Path.Combine(task, "children")).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Select(child => int.Parse(child, CultureInfo.InvariantCulture))
                .Order()];
        }
        catch (IOException)
        {
            return [];
        }
    }

    public static string Describe(this ResourceEvent resource) =>
        $"{resource.ResourceId}: {resource.State()} {resource.Snapshot.HealthStatus} exit code {resource.Snapshot.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "none"}";
}
