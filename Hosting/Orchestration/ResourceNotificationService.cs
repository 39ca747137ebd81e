using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Airline.Hosting.ApplicationModel;

namespace Airline.Hosting.Orchestration;

/// <summary>The current state of every resource, and a stream of its changes.</summary>
public sealed class ResourceNotificationService
{
    private readonly ConcurrentDictionary<string, ResourceSnapshot> _current = new();
    private readonly List<Channel<ResourceSnapshot>> _watchers = [];
    private readonly Lock _gate = new();

    public ResourceSnapshot? TryGetCurrentState(string resourceName) => _current.GetValueOrDefault(resourceName);

    public IReadOnlyCollection<ResourceSnapshot> CurrentStates() => [.. _current.Values];

    /// <summary>Every snapshot now, then every change, until cancelled.</summary>
    public async IAsyncEnumerable<ResourceSnapshot> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateUnbounded<ResourceSnapshot>();
        lock (_gate)
        {
            foreach (var snapshot in _current.Values)
            {
                channel.Writer.TryWrite(snapshot);
            }

            _watchers.Add(channel);
        }

        try
        {
            await foreach (var snapshot in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return snapshot;
            }
        }
        finally
        {
            lock (_gate)
            {
                _watchers.Remove(channel);
            }
        }
    }

    public Task<ResourceSnapshot> WaitForResourceAsync(string resourceName, ResourceState state, CancellationToken cancellationToken = default) =>
        WaitForResourceAsync(resourceName, snapshot => snapshot.State == state, cancellationToken);

    /// <summary>Completes with the first snapshot of the resource that <paramref name="reached"/> accepts; fails if it fails to start first.</summary>
    /// <exception cref="DistributedApplicationException">The resource failed to start.</exception>
    public async Task<ResourceSnapshot> WaitForResourceAsync(string resourceName, Func<ResourceSnapshot, bool> reached, CancellationToken cancellationToken = default)
    {
        await foreach (var snapshot in WatchAsync(cancellationToken))
        {
            if (snapshot.Name != resourceName)
            {
                continue;
            }

            if (reached(snapshot))
            {
                return snapshot;
            }

            if (snapshot.State == ResourceState.FailedToStart)
            {
                throw new DistributedApplicationException($"'{resourceName}' failed to start: {snapshot.Error}");
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        throw new OperationCanceledException(cancellationToken);
    }

    /// <summary>Completes once the resource runs and is healthy; fails if it ends or fails to start first.</summary>
    /// <exception cref="DistributedApplicationException">The resource ended or failed to start.</exception>
    public Task<ResourceSnapshot> WaitForResourceHealthyAsync(string resourceName, CancellationToken cancellationToken = default) =>
        WaitForResourceAsync(resourceName, snapshot => snapshot is { State: ResourceState.Running, Healthy: true }, cancellationToken);

    /// <summary>Completes once the resource has ended (exited or finished); fails if it fails to start.</summary>
    public Task<ResourceSnapshot> WaitForResourceCompletionAsync(string resourceName, CancellationToken cancellationToken = default) =>
        WaitForResourceAsync(resourceName, snapshot => snapshot.State is ResourceState.Exited or ResourceState.Finished, cancellationToken);

    internal void Publish(IResource resource, string kind, Func<ResourceSnapshot, ResourceSnapshot> update)
    {
        lock (_gate)
        {
            var previous = _current.GetValueOrDefault(resource.Name) ?? new ResourceSnapshot(resource.Name, kind, ResourceState.NotStarted);
            var next = update(previous);
            if (ReferenceEquals(next, previous) && _current.ContainsKey(resource.Name))
            {
                return;
            }

            _current[resource.Name] = next;
            foreach (var watcher in _watchers)
            {
                watcher.Writer.TryWrite(next);
            }
        }
    }
}
