using Airline.Hosting.ApplicationModel;
using Airline.Hosting.Orchestration;

namespace Hosting.Tests;

public sealed class RestartPolicyTests
{
    [Fact]
    public void The_delay_doubles_from_100_ms_up_to_the_cap()
    {
        var policy = RestartPolicy.Always;

        var delays = Enumerable.Range(0, 10).Select(attempt => policy.DelayBeforeRestart(failed: true, attempt)!.Value.TotalMilliseconds);

        Assert.Equal([100, 200, 400, 800, 1600, 3200, 5000, 5000, 5000, 5000], delays);
    }

    [Fact]
    public void A_first_delay_of_its_own_doubles_up_to_the_cap_like_the_default()
    {
        var policy = RestartPolicy.OnFailure(maxRetries: 4, firstDelay: TimeSpan.FromSeconds(2));

        var delays = Enumerable.Range(0, 4).Select(attempt => policy.DelayBeforeRestart(failed: true, attempt: attempt)!.Value.TotalMilliseconds);

        Assert.Equal([2000, 4000, 5000, 5000], delays);
        Assert.Throws<ArgumentOutOfRangeException>(() => RestartPolicy.OnFailure(firstDelay: TimeSpan.FromSeconds(6)));
    }

    [Fact]
    public void On_failure_restarts_a_failed_exit_at_most_max_retries_times_and_never_a_successful_one()
    {
        var policy = RestartPolicy.OnFailure(maxRetries: 2);

        Assert.NotNull(policy.DelayBeforeRestart(failed: true, attempt: 0));
        Assert.NotNull(policy.DelayBeforeRestart(failed: true, attempt: 1));
        Assert.Null(policy.DelayBeforeRestart(failed: true, attempt: 2));
        Assert.Null(policy.DelayBeforeRestart(failed: false, attempt: 0));
    }

    [Fact]
    public void Never_does_not_restart_and_always_restarts_also_after_success()
    {
        Assert.Null(RestartPolicy.Never.DelayBeforeRestart(failed: true, attempt: 0));
        Assert.NotNull(RestartPolicy.Always.DelayBeforeRestart(failed: false, attempt: 1000));
    }

    [Fact]
    public async Task The_watcher_reports_each_exit_and_restarts_with_back_off_until_max_retries()
    {
        var seen = new List<WatchedEvent>();
        var starts = 0;
        var watcher = new ProcessWatcher(
            RestartPolicy.OnFailure(maxRetries: 3),
            runsToCompletion: true,
            _ =>
            {
                starts++;
                return Task.FromResult(Task.FromResult(7));
            },
            seen.Add);

        await watcher.WatchAsync(Task.FromResult(7), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(3, starts);
        Assert.Equal(
        [
            new WatchedEvent.Exited(7, true, TimeSpan.FromMilliseconds(100)), new WatchedEvent.Restarted(),
            new WatchedEvent.Exited(7, true, TimeSpan.FromMilliseconds(200)), new WatchedEvent.Restarted(),
            new WatchedEvent.Exited(7, true, TimeSpan.FromMilliseconds(400)), new WatchedEvent.Restarted(),
            new WatchedEvent.Exited(7, true, null),
        ], seen);
    }

    [Fact]
    public async Task A_restart_that_fails_is_tried_again_with_a_longer_delay_and_then_given_up()
    {
        var seen = new List<WatchedEvent>();
        var watcher = new ProcessWatcher(
            RestartPolicy.OnFailure(maxRetries: 2),
            runsToCompletion: true,
            _ => throw new InvalidOperationException("port in use"),
            seen.Add);

        await watcher.WatchAsync(Task.FromResult(1), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(new WatchedEvent.Exited(1, true, TimeSpan.FromMilliseconds(100)), seen[0]);
        var failures = seen.Skip(1).Cast<WatchedEvent.RestartFailed>().ToList();
        Assert.Equal([TimeSpan.FromMilliseconds(200), null], failures.Select(f => f.RetryIn));
        Assert.Contains("port in use", failures[1].Describe());
        Assert.Contains("no more tries", failures[1].Describe());
    }

    [Fact]
    public async Task A_server_that_exits_with_code_0_unasked_has_failed_and_a_job_has_not()
    {
        var seen = new List<WatchedEvent>();
        static Task<Task<int>> Restart(CancellationToken _) => Task.FromResult(new TaskCompletionSource<int>().Task);

        await new ProcessWatcher(RestartPolicy.OnFailure(), runsToCompletion: false, Restart, seen.Add).WatchAsync(Task.FromResult(0), new CancellationTokenSource(TimeSpan.FromSeconds(2)).Token);
        await new ProcessWatcher(RestartPolicy.OnFailure(), runsToCompletion: true, Restart, seen.Add).WatchAsync(Task.FromResult(0), CancellationToken.None);

        Assert.Equal(
            [new WatchedEvent.Exited(0, true, TimeSpan.FromMilliseconds(100)), new WatchedEvent.Restarted(), new WatchedEvent.Exited(0, false, null)],
            seen);
    }

    [Fact]
    public async Task A_stop_that_was_asked_for_is_neither_reported_nor_restarted()
    {
        var seen = new List<WatchedEvent>();
        var exit = new TaskCompletionSource<int>();
        var watcher = new ProcessWatcher(RestartPolicy.Always, runsToCompletion: false, _ => throw new InvalidOperationException("must not restart"), seen.Add);
        var watching = watcher.WatchAsync(exit.Task, CancellationToken.None);

        watcher.StopAsked();
        exit.SetResult(143);
        await watching.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Empty(seen);
    }

    [Fact]
    public void An_exit_is_described_with_its_code_what_follows_and_the_last_20_output_lines()
    {
        var output = string.Join(Environment.NewLine, Enumerable.Range(1, 30).Select(i => $"line {i}"));

        var described = new WatchedEvent.Exited(137, true, TimeSpan.FromMilliseconds(100)).Describe(output);

        Assert.StartsWith("exited with code 137; restarting in 100 ms. Its last output:", described);
        Assert.Contains("line 30", described);
        Assert.Contains("line 11", described);
        Assert.DoesNotContain("line 10" + Environment.NewLine, described);
    }
}
