using System.Diagnostics;
using System.Globalization;
using System.Net;
using Airline.TestSupport;
using Xunit.Abstractions;

namespace AppHost.Tests;

/// <summary>
/// Reservations.Api is frozen with SIGSTOP (it accepts connections and never answers) while seat charts are
/// asked of the gateway at a steady 50 a second, whether earlier ones were answered or not.
/// </summary>
public sealed class StalledServiceTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan LoadDuration = TimeSpan.FromSeconds(7);

    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(3);

    /// <summary>One attempt timeout, with room for a loaded machine; the retries must not wait for another.</summary>
    private static readonly TimeSpan AnswerLimit = 2 * AttemptTimeout;

    /// <summary>What arrives while the first requests wait out their attempt timeout, with the same room.</summary>
    private static readonly int InFlightLimit = (int)((AttemptTimeout + TimeSpan.FromSeconds(2)) / Interval);

    /// <summary>A request that took this long waited out an attempt on the frozen service.</summary>
    private static readonly TimeSpan Waited = AttemptTimeout;

    private static readonly TimeSpan RecoveryLimit = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_stalled_service_costs_callers_one_attempt_timeout_then_503s_come_at_once_and_requests_do_not_pile_up()
    {
        await using var system = await TestApplication.StartAsync<Projects.AppHost>();
        var app = system.App;
        // Sent once each, as a caller would: the testing builder's resilience handler would retry the 503s and time out
        // the waits this test measures.
        using var gateway = app.CreateClientWithoutRetries("gateway");
        var chartPath = $"/api/flights/{await gateway.FlightIdAsync()}/seats";
        Assert.Equal(HttpStatusCode.OK, (await gateway.GetAsync(chartPath)).StatusCode);
        // Reservations.Api's own process, not the `dotnet run` that DCP started it through.
        var processId = app.Current((await app.ReplicaIdsAsync("reservations")).Single()).ServiceProcessId();

        List<Answer> answers;
        var inFlight = 0;
        var maxInFlight = 0;
        await ProcessSignals.SendAsync("STOP", processId);
        try
        {
            var clock = Stopwatch.StartNew();
            var requests = new List<Task<Answer>>();
            for (var next = TimeSpan.Zero; next < LoadDuration; next += Interval)
            {
                if (next > clock.Elapsed)
                {
                    await Task.Delay(next - clock.Elapsed);
                }

                requests.Add(AskAsync());
            }

            answers = [.. await Task.WhenAll(requests)];

            async Task<Answer> AskAsync()
            {
                var sentAt = clock.Elapsed;
                var current = Interlocked.Increment(ref inFlight);
                InterlockedMax(ref maxInFlight, current);
                try
                {
                    using var response = await gateway.GetAsync(chartPath);
                    var isProblem = response.Content.Headers.ContentType?.MediaType == "application/problem+json" && response.Headers.RetryAfter is not null;
                    return new Answer(sentAt, clock.Elapsed - sentAt, response.StatusCode, isProblem);
                }
                finally
                {
                    Interlocked.Decrement(ref inFlight);
                }
            }
        }
        finally
        {
            await ProcessSignals.SendAsync("CONT", processId);
        }

        var firstAnswered = answers.Min(answer => answer.SentAt + answer.Took);
        var afterFirstAnswer = answers.Where(answer => answer.SentAt > firstAnswered).ToList();
        var slowAfterFirstAnswer = afterFirstAnswer.Count(answer => answer.Took >= Waited);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{answers.Count} requests; first answer after {firstAnswered.TotalSeconds:0.00} s; slowest {answers.Max(a => a.Took).TotalSeconds:0.00} s; "
            + $"{afterFirstAnswer.Count} sent after it, {slowAfterFirstAnswer} of them took {Waited.TotalSeconds} s or more; at most {maxInFlight} in flight"));

        Assert.All(answers, answer => Assert.True(
            answer is { Status: HttpStatusCode.ServiceUnavailable, IsProblem: true } && answer.Took <= AnswerLimit, answer.ToString()));
        // Once the stall is known, only a trial request per 2 s set-aside period waits on the frozen service (more
        // may look slow on a loaded machine); without the set-aside every one of them would.
        Assert.True(slowAfterFirstAnswer <= afterFirstAnswer.Count / 10, $"{slowAfterFirstAnswer} of {afterFirstAnswer.Count} requests still waited on the frozen service");
        Assert.True(maxInFlight <= InFlightLimit, $"{maxInFlight} requests were in flight at once");

        await WaitForAsync(gateway, chartPath, HttpStatusCode.OK);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    private static async Task WaitForAsync(HttpClient gateway, string path, HttpStatusCode expected)
    {
        var waiting = Stopwatch.StartNew();
        HttpStatusCode status;
        while ((status = (await gateway.GetAsync(path)).StatusCode) != expected && waiting.Elapsed < RecoveryLimit)
        {
            await Task.Delay(200);
        }

        Assert.Equal(expected, status);
    }

    private sealed record Answer(TimeSpan SentAt, TimeSpan Took, HttpStatusCode Status, bool IsProblem);
}
