using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Turns the many failures of a dependency that is down (every request, every reconnect attempt) into two log
/// lines: a warning when the outage starts, with its first cause, and an information line with its duration
/// when the dependency answers again.
/// </summary>
public sealed partial class DependencyOutages(ILogger<DependencyOutages> logger)
{
    private readonly ConcurrentDictionary<string, long> _downSince = new();

    public void ReportDown(string dependency, Exception? cause)
    {
        if (_downSince.TryAdd(dependency, Stopwatch.GetTimestamp()))
        {
            LogOutageStarted(logger, dependency, cause?.GetBaseException().Message ?? "it answered with a server error");
        }
    }

    public void ReportUp(string dependency)
    {
        if (!_downSince.IsEmpty && _downSince.TryRemove(dependency, out var since))
        {
            var duration = Stopwatch.GetElapsedTime(since);
            LogOutageEnded(logger, dependency, duration.TotalSeconds);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Dependency} is unavailable ({Cause}); requests that need it answer 503 until it is back")]
    private static partial void LogOutageStarted(ILogger logger, string dependency, string cause);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Dependency} is available again after {Seconds:0.0} s")]
    private static partial void LogOutageEnded(ILogger logger, string dependency, double seconds);
}
