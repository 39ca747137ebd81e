using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Airline.Hosting.Restarts;
using Airline.TestSupport;
using Airline.TestSupport.Identity;
using Xunit.Abstractions;

namespace AppHost.Tests;

/// <summary>
/// The whole system with MySQL, Redis and Flights.Api restarted on failure, as run mode does by default; MySQL and
/// Redis run as local processes (also where a container runtime answers) so that the tests can kill them. MySQL is
/// started again 2 s after it dies rather than 100 ms: it is back within a second, sooner than a loaded machine
/// sends the requests that must see it gone.
/// </summary>
public sealed class RestartingSystemFixture : SystemFixture
{
    private static readonly TimeSpan MySqlRestartDelay = TimeSpan.FromSeconds(2);

    protected override void Configure(IDistributedApplicationTestingBuilder builder)
    {
        // The test settings already run MySQL and Redis as local processes (BackingServers:Runtime=local).
        builder.CreateResourceBuilder<IResource>("mysql").WithRestartPolicy(RestartPolicy.OnFailure(maxRetries: 5, firstDelay: MySqlRestartDelay));
        builder.CreateResourceBuilder<IResource>("redis").WithRestartPolicy(RestartPolicy.OnFailure(maxRetries: 5));
        builder.CreateResourceBuilder<ProjectResource>("flights").WithRestartPolicy(RestartPolicy.OnFailure(maxRetries: 5));
    }
}

/// <summary>MySQL and Redis killed with SIGKILL while the services work: nothing acknowledged is lost and everything heals by itself.</summary>
public sealed class BackingServiceFailureTests(RestartingSystemFixture system, ITestOutputHelper output)
    : IClassFixture<RestartingSystemFixture>, IDisposable
{
    private static readonly TimeSpan SlowestAnswer = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    private readonly IDisposable _output = system.Output.During(output);

    private DistributedApplication App => system.App;

    public void Dispose() => _output.Dispose();

    [Fact]
    public async Task Redis_killed_during_reservations_answers_only_201_or_503_loses_nothing_acknowledged_and_heals_without_restarting_the_service()
    {
        var customer = await Customers.SignUpAsync(system.Identity);
        using var reservations = new HttpClient { BaseAddress = App.GetEndpoint("reservations", "http"), Timeout = Bound };
        reservations.DefaultRequestHeaders.Authorization = customer.Authorization;
        var flight = $"AA{Guid.NewGuid():N}";
        var service = (await App.ReplicaIdsAsync("reservations")).Single();
        var serviceProcess = App.Current(service).ServiceProcessId();
        var redis = (await App.ReplicaIdsAsync("redis")).Single();
        var answers = new ConcurrentQueue<Answer>();
        var nextSeat = -1;
        var clock = Stopwatch.StartNew();
        TimeSpan? killedAt = null;

        async Task ReserveUntilAsync(Func<bool> done)
        {
            while (!done() && clock.Elapsed < Bound)
            {
                var seat = Seat(Interlocked.Increment(ref nextSeat));
                var sentAt = clock.Elapsed;
                using var response = await reservations.PutAsJsonAsync("/reservations",
                    new Dictionary<string, string> { ["flight_id"] = flight, ["seat_num"] = seat, ["customer_id"] = customer.UserId });
                var problem = response.Content.Headers.ContentType?.MediaType == "application/problem+json";
                answers.Enqueue(new Answer(seat, response.StatusCode, sentAt, clock.Elapsed - sentAt, problem, response.Headers.RetryAfter is not null));
            }
        }

        bool Healed() =>
            killedAt is { } kill && answers.Count(a => a.SentAt > kill && a.Status == HttpStatusCode.Created) >= 20;

        var streams = Enumerable.Range(0, 4).Select(_ => Task.Run(() => ReserveUntilAsync(Healed))).ToList();
        while (answers.Count(a => a.Status == HttpStatusCode.Created) < 50)
        {
            await Task.Delay(10);
        }

        using var timeout = new CancellationTokenSource(Bound);
        await App.KillAsync(redis);
        killedAt = clock.Elapsed;
        var exited = await App.WaitForReplicaAsync(redis, Exited, timeout.Token);
        var exitSeenAfter = clock.Elapsed - killedAt.Value;
        await App.WaitForReplicaAsync(redis, replica => replica.Restarts() == 1 && replica.IsHealthy(), timeout.Token);
        var redisHealthyAfter = clock.Elapsed - killedAt.Value;
        await Task.WhenAll(streams);

        var all = answers.ToList();
        Assert.Equal(ServerKilledExitCode, exited.Snapshot.ExitCode);
        Assert.All(all, a => Assert.Contains(a.Status, new[] { HttpStatusCode.Created, HttpStatusCode.ServiceUnavailable }));
        Assert.All(all, a => Assert.True(a.Took < SlowestAnswer, $"{a.Seat} took {a.Took}"));
        Assert.All(all.Where(a => a.Status == HttpStatusCode.ServiceUnavailable), a => Assert.True(a.IsProblem && a.HasRetryAfter, $"{a.Seat}: 503 without problem+json and Retry-After"));
        var firstSuccessAfterKill = all.Where(a => a.SentAt > killedAt && a.Status == HttpStatusCode.Created).Min(a => a.SentAt + a.Took) - killedAt.Value;
        Assert.True(firstSuccessAfterKill < TimeSpan.FromSeconds(5), $"reservations succeeded again only {firstSuccessAfterKill} after the kill");
        Assert.Equal(serviceProcess, App.Current(service).ServiceProcessId());
        Assert.Equal(0, App.Current(service).Restarts());

        var held = (await reservations.GetFromJsonAsync<List<Dictionary<string, string>>>($"/customers/{customer.UserId}/reservations"))!
            .Where(reservation => reservation["flight_id"] == flight)
            .Select(reservation => reservation["seat_num"])
            .ToHashSet();
        var acknowledged = all.Where(a => a.Status == HttpStatusCode.Created).ToList();
        Assert.All(acknowledged, a => Assert.Contains(a.Seat, held));
        output.WriteLine(
            $"redis SIGKILL: Exited seen after {exitSeenAfter.TotalMilliseconds:0} ms, healthy after {redisHealthyAfter.TotalMilliseconds:0} ms, " +
            $"first 201 after {firstSuccessAfterKill.TotalMilliseconds:0} ms; {all.Count} answers, {acknowledged.Count} acknowledged " +
            $"({acknowledged.Count(a => a.SentAt < killedAt)} before the kill), {all.Count(a => a.Status == HttpStatusCode.ServiceUnavailable)} 503, 0 lost, " +
            $"slowest {all.Max(a => a.Took).TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task MySQL_killed_makes_Flights_Api_answer_503_and_fail_health_until_the_restart_policy_brings_it_back()
    {
        // DCP's proxy in front of both replicas: either may answer, and both lose MySQL.
        using var flights = new HttpClient { BaseAddress = App.GetEndpoint("flights", "http"), Timeout = Bound };
        var mysql = (await App.ReplicaIdsAsync("mysql")).Single();
        var restartsBefore = App.Current(mysql).Restarts();
        using var timeout = new CancellationTokenSource(Bound);
        var clock = Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.OK, (await flights.GetAsync("/flights?flight_no=AA2532")).StatusCode);

        await App.KillAsync(mysql);
        var exited = await App.WaitForReplicaAsync(mysql, Exited, timeout.Token);
        var exitSeenAfter = clock.Elapsed;
        // A read Flights.Api has not answered yet, so not in its read cache: it has to ask MySQL.
        const string UncachedRead = "/flights?flight_no=DL1410";
        using var duringOutage = await flights.GetAsync(UncachedRead);
        using var healthDuringOutage = await flights.GetAsync("/health");

        Assert.Equal(ServerKilledExitCode, exited.Snapshot.ExitCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, duringOutage.StatusCode);
        Assert.Equal("application/problem+json", duringOutage.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, healthDuringOutage.StatusCode);

        await App.WaitForReplicaAsync(mysql, replica => replica.Restarts() == restartsBefore + 1 && replica.IsHealthy(), timeout.Token);
        var mysqlHealthyAfter = clock.Elapsed;
        HttpStatusCode status;
        do
        {
            Assert.True(clock.Elapsed < Bound, "Flights.Api did not recover");
            await Task.Delay(50);
            using var response = await flights.GetAsync(UncachedRead);
            status = response.StatusCode;
            Assert.Contains(status, new[] { HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable });
        }
        while (status != HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.OK, (await flights.GetAsync("/health")).StatusCode);
        output.WriteLine(
            $"mysql SIGKILL: Exited seen after {exitSeenAfter.TotalMilliseconds:0} ms, healthy after {mysqlHealthyAfter.TotalMilliseconds:0} ms, " +
            $"Flights.Api answering 200 again after {clock.Elapsed.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task A_killed_Flights_Api_replica_is_seen_exited_with_code_137_and_restarted_while_the_other_keeps_running()
    {
        var replicas = await App.ReplicaIdsAsync("flights");
        var (killed, other) = (replicas[0], replicas[1]);
        var before = App.Current(killed);
        var otherProcess = App.Current(other).ServiceProcessId();
        using var timeout = new CancellationTokenSource(Bound);
        var clock = Stopwatch.StartNew();

        await App.KillAsync(killed);
        var exited = await App.WaitForReplicaAsync(killed, Exited, timeout.Token);
        var exitSeenAfter = clock.Elapsed;
        var restarted = await App.WaitForReplicaAsync(killed, replica => replica.Restarts() == before.Restarts() + 1 && replica.IsHealthy(), timeout.Token);

        Assert.Equal(ProjectKilledExitCode, exited.Snapshot.ExitCode);
        Assert.True(App.Current(other).IsHealthy(), App.Current(other).Describe());
        Assert.Equal(otherProcess, App.Current(other).ServiceProcessId());
        Assert.NotEqual(before.ProcessId(), restarted.ProcessId());
        Assert.Contains($"Exited on its own with code {ProjectKilledExitCode}; restarting in 100 ms (restart {before.Restarts() + 1}).", system.Output.Tail(2000));
        // Both replicas answer again behind DCP's proxy, the one address the gateway knows.
        using var flights = new HttpClient { BaseAddress = App.GetEndpoint("flights", "http"), Timeout = Bound };
        for (var request = 0; request < 10; request++)
        {
            Assert.Equal(HttpStatusCode.OK, (await flights.GetAsync("/flights?flight_no=AA2532")).StatusCode);
        }

        output.WriteLine($"{killed} SIGKILL: Exited with code {exited.Snapshot.ExitCode} seen after {exitSeenAfter.TotalMilliseconds:0} ms, healthy again after {clock.Elapsed.TotalMilliseconds:0} ms");
    }

    /// <summary>
    /// The exit code Aspire reports for a server (a process DCP started itself) killed with SIGKILL: DCP gives -1 for
    /// a process ended by a signal, and the restart policy shows it as it is.
    /// </summary>
    private const int ServerKilledExitCode = -1;

    /// <summary>
    /// The exit code Aspire reports for a project whose service process was killed with SIGKILL: DCP starts a project as
    /// <c>dotnet run</c>, which exits with 128 + 9 when its child dies of signal 9.
    /// </summary>
    private const int ProjectKilledExitCode = 137;

    private static bool Exited(ResourceEvent replica) => replica.State() == KnownResourceStates.Exited;

    private static string Seat(int index) =>
        (index / 11 + 1).ToString(CultureInfo.InvariantCulture) + (char)('A' + index % 11);

    private sealed record Answer(string Seat, HttpStatusCode Status, TimeSpan SentAt, TimeSpan Took, bool IsProblem, bool HasRetryAfter);
}
