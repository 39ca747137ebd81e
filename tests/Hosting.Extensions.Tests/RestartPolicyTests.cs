using Airline.Hosting.Restarts;

namespace Hosting.Extensions.Tests;

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
}
