using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.ServiceDiscovery;

namespace ServiceDefaults.Resilience;

/// <summary>
/// Which replicas of the services this process calls have just failed. A replica that failed is set aside for
/// <see cref="SetAsidePeriod"/>; then it gets one trial request at a time (it stays set aside for everyone else)
/// until a request to it succeeds, so a stalled replica holds up one request per period, not all of them.
/// </summary>
internal sealed class ReplicaHealth
{
    public static readonly TimeSpan SetAsidePeriod = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<EndPoint, long> _setAsideUntil = new();
    private uint _next;

    /// <summary>Round-robin among the replicas not set aside; null when every replica is.</summary>
    public ServiceEndpoint? Choose(IReadOnlyList<ServiceEndpoint> replicas)
    {
        var start = Interlocked.Increment(ref _next);
        for (var offset = 0; offset < replicas.Count; offset++)
        {
            var replica = replicas[(int)((start + (uint)offset) % (uint)replicas.Count)];
            if (TryTake(replica.EndPoint))
            {
                return replica;
            }
        }

        return null;
    }

    public void SetAside(ServiceEndpoint replica) => _setAsideUntil[replica.EndPoint] = SetAsideEnd();

    public void Restore(ServiceEndpoint replica)
    {
        if (!_setAsideUntil.IsEmpty)
        {
            _setAsideUntil.TryRemove(replica.EndPoint, out _);
        }
    }

    /// <summary>A replica not set aside, or the trial of one whose period is over: the first caller claims it.</summary>
    private bool TryTake(EndPoint replica) =>
        !_setAsideUntil.TryGetValue(replica, out var until)
        || (Environment.TickCount64 >= until && _setAsideUntil.TryUpdate(replica, SetAsideEnd(), until));

    private static long SetAsideEnd() => Environment.TickCount64 + (long)SetAsidePeriod.TotalMilliseconds;
}
