using System.Collections.Concurrent;
using System.Diagnostics;

namespace AppHostStartup;

/// <summary>Looks at DCP's process tree every 50 ms and notes when each process was first seen, since the clock started.</summary>
internal sealed class ProcessSightings(Stopwatch clock)
{
    private readonly ConcurrentDictionary<int, TimeSpan> _firstSeen = new();

    public TimeSpan? DcpSeen { get; private set; }

    public TimeSpan? FirstSeen(int processId) => _firstSeen.TryGetValue(processId, out var time) ? time : null;

    /// <summary>When the first process whose parent is <paramref name="parentId"/> was seen: the service a <c>dotnet run</c> starts.</summary>
    public TimeSpan? FirstChildSeen(int parentId) => _firstSeen
        .Where(process => ProcessTree.ParentOf(process.Key) == parentId)
        .Select(process => (TimeSpan?)process.Value)
        .Min();

    public async Task WatchAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        try
        {
            do
            {
                foreach (var processId in ProcessTree.DcpAndDescendants())
                {
                    DcpSeen ??= clock.Elapsed;
                    _firstSeen.TryAdd(processId, clock.Elapsed);
                }
            }
            while (await timer.WaitForNextTickAsync(stop));
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }
}
