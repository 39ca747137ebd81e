using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Airline.Hosting.Orchestration;

/// <summary>
/// What each resource wrote to stdout and stderr, for the dashboard: the last lines of every resource
/// (older ones are dropped, so memory stays bounded) and a live stream of new ones.
/// </summary>
public sealed class ResourceLogService(int linesPerResource = ResourceLogService.DefaultLinesPerResource)
{
    public const int DefaultLinesPerResource = 2000;

    private readonly Dictionary<string, Queue<ConsoleLogLine>> _lines = [];
    private readonly Dictionary<string, List<Channel<ConsoleLogLine>>> _watchers = [];
    private readonly Lock _gate = new();
    private long _sequence;

    public IReadOnlyList<ConsoleLogLine> GetLines(string resourceName)
    {
        lock (_gate)
        {
            return _lines.TryGetValue(resourceName, out var lines) ? [.. lines] : [];
        }
    }

    /// <summary>The lines kept now, then every new line, until cancelled.</summary>
    public async IAsyncEnumerable<ConsoleLogLine> WatchAsync(string resourceName, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateBounded<ConsoleLogLine>(new BoundedChannelOptions(linesPerResource) { FullMode = BoundedChannelFullMode.DropOldest });
        List<Channel<ConsoleLogLine>> watchers;
        lock (_gate)
        {
            foreach (var line in _lines.GetValueOrDefault(resourceName) ?? [])
            {
                channel.Writer.TryWrite(line);
            }

            watchers = WatchersOf(resourceName);
            watchers.Add(channel);
        }

        try
        {
            await foreach (var line in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return line;
            }
        }
        finally
        {
            lock (_gate)
            {
                watchers.Remove(channel);
            }
        }
    }

    internal void Append(string resourceName, ConsoleOutput output)
    {
        lock (_gate)
        {
            if (!_lines.TryGetValue(resourceName, out var lines))
            {
                _lines[resourceName] = lines = new Queue<ConsoleLogLine>();
            }

            var line = new ConsoleLogLine(++_sequence, DateTimeOffset.UtcNow, output.Source, output.Text, output.IsError);
            lines.Enqueue(line);
            if (lines.Count > linesPerResource)
            {
                lines.Dequeue();
            }

            foreach (var watcher in WatchersOf(resourceName))
            {
                watcher.Writer.TryWrite(line);
            }
        }
    }

    private List<Channel<ConsoleLogLine>> WatchersOf(string resourceName)
    {
        if (!_watchers.TryGetValue(resourceName, out var watchers))
        {
            _watchers[resourceName] = watchers = [];
        }

        return watchers;
    }
}

/// <param name="Sequence">Increases with every line of every resource, so a reader can tell old lines from new.</param>
/// <param name="Source">The process that wrote it: the resource, or one replica of it.</param>
/// <param name="IsError">It was written to stderr.</param>
public sealed record ConsoleLogLine(long Sequence, DateTimeOffset Timestamp, string Source, string Text, bool IsError);
