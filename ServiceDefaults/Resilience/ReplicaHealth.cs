using System.Collections.Concurrent;
using Microsoft.Extensions.ServiceDiscovery;

namespace ServiceDefaults.Resilience;

/// <summary>
/// Which replicas of the services this process calls have just failed. A replica that failed is set aside for
/// <see cref="SetAsidePeriod"/>; then one request tries it again, and a replica that fails again is set aside again.
/// </summary>
internal sealed class ReplicaHealth
{
    public static readonly TimeSpan SetAsidePeriod = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, long> _setAsideUntil = new();
    private uint _next;

    /// <summary>Round-robin among the replicas not set aside; null when every replica is.</summary>
    public ServiceEndpoint? Choose(IReadOnlyList<ServiceEndpoint> replicas)
    {
        var start = Interlocked.Increment(ref _next);
        for (var offset = 0; offset < replicas.Count; offset++)
        {
            var replica = replicas[(int)((start + (uint)offset) % (uint)replicas.Count)];
            if (IsAvailable(replica))
            {
                return replica;
            }
        }

        return null;
    }

    public void SetAside(ServiceEndpoint replica) =>
        _setAsideUntil[Key(replica)] = Environment.TickCount64 + (long)SetAsidePeriod.TotalMilliseconds;

    private bool IsAvailable(ServiceEndpoint replica) =>
        !_setAsideUntil.TryGetValue(Key(replica), out var until) || Environment.TickCount64 >= until;

    private static string Key(ServiceEndpoint replica) => replica.EndPoint.ToString()!;
}
