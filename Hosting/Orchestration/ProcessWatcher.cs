using Airline.Hosting.ApplicationModel;

namespace Airline.Hosting.Orchestration;

/// <summary>What a <see cref="ProcessWatcher"/> saw.</summary>
internal abstract record WatchedEvent
{
    /// <summary>The process ended on its own, <paramref name="Failed"/> or done; <paramref name="RestartIn"/> is null when the policy starts it no more.</summary>
    public sealed record Exited(int ExitCode, bool Failed, TimeSpan? RestartIn) : WatchedEvent
    {
        private const int ReportedOutputLines = 20;

        /// <summary>What the console, the dashboard and dependants are told: the exit code, what follows, the last output lines.</summary>
        public string Describe(string? recentOutput)
        {
            var lines = (recentOutput ?? string.Empty).Split(Environment.NewLine);
            var next = RestartIn is { } delay ? $"; restarting in {delay.TotalMilliseconds:0} ms" : string.Empty;
            return $"exited with code {ExitCode}{next}. Its last output:{Environment.NewLine}{string.Join(Environment.NewLine, lines.TakeLast(ReportedOutputLines))}";
        }
    }

    /// <summary>It was started again and answers.</summary>
    public sealed record Restarted : WatchedEvent;

    /// <summary>Starting it again failed; <paramref name="RetryIn"/> is null when the policy tries no more.</summary>
    public sealed record RestartFailed(Exception Cause, TimeSpan? RetryIn) : WatchedEvent
    {
        public string Describe() =>
            $"could not be started again{(RetryIn is { } delay ? $" (next try in {delay.TotalMilliseconds:0} ms)" : " (no more tries)")}: {Cause.Message}";
    }
}

/// <summary>
/// Watches the runs of one process (a server, an executable, a project replica): sees each exit and its code,
/// tells it apart from a stop that was asked for, and starts it again as the restart policy says, with back-off.
/// Every runner uses one per process it starts.
/// </summary>
/// <param name="runsToCompletion">A job, done when it exits with code 0; otherwise any exit nobody asked for is a failure.</param>
/// <param name="restart">Starts the process again; returns the new run's exit once it answers, throws if it cannot.</param>
internal sealed class ProcessWatcher(
    RestartPolicy policy,
    bool runsToCompletion,
    Func<CancellationToken, Task<Task<int>>> restart,
    Action<WatchedEvent> report,
    TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private volatile bool _stopAsked;

    /// <summary>Marks the coming exit as asked for (stop command, shutdown, replaced by a new start): not reported, not restarted.</summary>
    public void StopAsked() => _stopAsked = true;

    /// <summary>Until the process ends for good, the stop is asked for or <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task WatchAsync(Task<int> exited, CancellationToken cancellationToken)
    {
        var attempt = 0;
        try
        {
            while (true)
            {
                var startedAt = _time.GetTimestamp();
                var exitCode = await exited.WaitAsync(cancellationToken);
                if (_stopAsked)
                {
                    return;
                }

                if (_time.GetElapsedTime(startedAt) >= RestartPolicy.MaxDelay)
                {
                    attempt = 0;
                }

                var failed = exitCode != 0 || !runsToCompletion;
                var delay = policy.DelayBeforeRestart(failed, attempt);
                report(new WatchedEvent.Exited(exitCode, failed, delay));
                while (true)
                {
                    if (delay is not { } wait)
                    {
                        return;
                    }

                    await Task.Delay(wait, _time, cancellationToken);
                    if (_stopAsked)
                    {
                        return;
                    }

                    attempt++;
                    try
                    {
                        exited = await restart(cancellationToken);
                        report(new WatchedEvent.Restarted());
                        break;
                    }
                    catch (Exception exception) when (exception is not OperationCanceledException)
                    {
                        delay = policy.DelayBeforeRestart(failed: true, attempt);
                        report(new WatchedEvent.RestartFailed(exception, delay));
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The application is stopping; its shutdown reports every resource's end.
        }
    }
}
