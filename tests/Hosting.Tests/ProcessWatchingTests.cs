using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Airline.Hosting;
using Airline.Hosting.ApplicationModel;
using Airline.Hosting.Orchestration;

namespace Hosting.Tests;

/// <summary>Real processes killed as a crash would: the exit is seen, reported and healed as the restart policy says.</summary>
public sealed partial class ProcessWatchingTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_killed_redis_is_seen_exited_with_code_137_and_its_last_output_when_the_policy_is_never()
    {
        var builder = TestApp.Builder();
        builder.AddRedis("redis").WithRestartPolicy(RestartPolicy.Never);
        await using var run = TestOrchestrator.Create(builder);
        await run.StartAsync();
        var redis = Redis.Of(run);

        Process.GetProcessById(await redis.ProcessIdAsync()).Kill();
        var exited = await run.Notifications.WaitForResourceAsync("redis", ResourceState.Exited).WaitAsync(Bound);

        Assert.Equal(137, exited.ExitCode);
        Assert.False(exited.Healthy);
        Assert.Contains("exited with code 137. Its last output:", exited.Error);
        Assert.Contains("Ready to accept connections", exited.Error);
        Assert.Contains("redis           | Exited: exited with code 137", run.Console.ToString());
    }

    [Fact]
    public async Task A_killed_redis_is_restarted_on_the_same_port_with_its_password_and_data_and_counts_the_restart()
    {
        var builder = TestApp.Builder();
        builder.AddRedis("redis").WithRestartPolicy(RestartPolicy.OnFailure(maxRetries: 5));
        await using var run = TestOrchestrator.Create(builder);
        await run.StartAsync();
        var redis = Redis.Of(run);
        Assert.StartsWith("+OK", await redis.SendAsync("HSET flights:1 12C alice"));
        var firstProcess = await redis.ProcessIdAsync();

        var watch = Stopwatch.StartNew();
        Process.GetProcessById(firstProcess).Kill();
        await run.Notifications.WaitForResourceAsync("redis", ResourceState.Exited).WaitAsync(Bound);
        var exitSeen = watch.Elapsed;
        var restarted = await WaitForAsync(run, "redis", s => s is { State: ResourceState.Running, Healthy: true, Restarts: 1 });

        Assert.NotEqual(firstProcess, await redis.ProcessIdAsync());
        Assert.Contains("alice", await redis.SendAsync("HGET flights:1 12C"));
        Assert.Null(restarted.ExitCode);
        Assert.Contains("restarting in 100 ms", run.Console.ToString());
        Assert.Contains("Running (healthy, restarts: 1)", run.Console.ToString());
        Console.WriteLine($"redis SIGKILL: Exited seen after {exitSeen.TotalMilliseconds:0} ms, healthy again after {watch.Elapsed.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task A_redis_that_shuts_down_on_SIGINT_with_exit_code_0_is_exited_not_finished_and_restarted_on_failure()
    {
        var builder = TestApp.Builder();
        builder.AddRedis("redis").WithRestartPolicy(RestartPolicy.OnFailure());
        await using var run = TestOrchestrator.Create(builder);
        await run.StartAsync();
        var redis = Redis.Of(run);

        using (var interrupt = Process.Start("kill", ["-INT", (await redis.ProcessIdAsync()).ToString(CultureInfo.InvariantCulture)]))
        {
            await interrupt.WaitForExitAsync();
        }

        var exited = await run.Notifications.WaitForResourceAsync("redis", ResourceState.Exited).WaitAsync(Bound);
        await WaitForAsync(run, "redis", s => s is { State: ResourceState.Running, Healthy: true, Restarts: 1 });

        Assert.Equal(0, exited.ExitCode);
        Assert.StartsWith("exited with code 0; restarting in 100 ms", exited.Error);
    }

    [Fact]
    public async Task A_killed_mysql_is_restarted_with_its_databases_and_data()
    {
        var builder = TestApp.Builder();
        builder.AddMySql("mysql").WithRestartPolicy(RestartPolicy.OnFailure()).AddDatabase("flightsdb");
        await using var run = TestOrchestrator.Create(builder);
        await run.StartAsync();
        var connectionString = run.Orchestrator.GetConnectionString(run.Orchestrator.StartOrder.Single(r => r.Name == "flightsdb"));
        await using (var connection = new MySqlConnector.MySqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await new MySqlConnector.MySqlCommand("CREATE TABLE seats (id INT); INSERT INTO seats VALUES (12);", connection).ExecuteNonQueryAsync();
        }

        var pidFile = Directory.GetFiles(run.StateDirectory, "mysqld.pid", SearchOption.AllDirectories).Single();
        var watch = Stopwatch.StartNew();
        Process.GetProcessById(int.Parse(File.ReadAllText(pidFile).Trim(), CultureInfo.InvariantCulture)).Kill();
        var exited = await run.Notifications.WaitForResourceAsync("mysql", ResourceState.Exited).WaitAsync(Bound);
        var exitSeen = watch.Elapsed;
        Assert.Equal(ResourceState.Exited, run.State("flightsdb").State);
        await WaitForAsync(run, "mysql", s => s is { State: ResourceState.Running, Healthy: true, Restarts: 1 });

        Assert.Equal(137, exited.ExitCode);
        await using (var connection = new MySqlConnector.MySqlConnection(connectionString))
        {
            await connection.OpenAsync();
            Assert.Equal(12, await new MySqlConnector.MySqlCommand("SELECT id FROM seats", connection).ExecuteScalarAsync());
        }

        Console.WriteLine($"mysql SIGKILL: Exited seen after {exitSeen.TotalMilliseconds:0} ms, healthy again after {watch.Elapsed.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task A_redis_stopped_with_the_stop_command_is_finished_and_not_restarted()
    {
        var builder = TestApp.Builder();
        builder.AddRedis("redis").WithRestartPolicy(RestartPolicy.Always);
        await using var run = TestOrchestrator.Create(builder);
        await run.StartAsync();

        await run.Orchestrator.ExecuteCommandAsync("redis", ResourceCommand.Stop);
        await Task.Delay(RestartPolicy.InitialDelay * 5);

        var state = run.State("redis");
        Assert.Equal(ResourceState.Finished, state.State);
        Assert.Equal(0, state.Restarts);
        Assert.Null(state.ExitCode);
    }

    [Fact]
    public async Task An_executable_that_keeps_failing_is_restarted_max_retries_times_and_then_stays_exited()
    {
        var builder = TestApp.Builder();
        builder.AddExecutable("flaky", "sh", "/", "-c", "echo giving up; exit 4").WithRestartPolicy(RestartPolicy.OnFailure(maxRetries: 2));
        await using var run = TestOrchestrator.Create(builder);
        await run.StartAsync();

        var final = await WaitForAsync(run, "flaky", s => s is { State: ResourceState.Exited, Restarts: 2 } && !s.Error!.Contains("restarting", StringComparison.Ordinal));

        Assert.Equal(4, final.ExitCode);
        Assert.StartsWith("exited with code 4. Its last output:", final.Error);
        Assert.Contains("giving up", final.Error);
    }

    [Fact]
    public async Task A_resource_that_fails_to_start_fails_what_waits_for_it_within_a_second_naming_the_cause()
    {
        var builder = TestApp.Builder();
        var broken = builder.AddProject<TestProject>("api");
        builder.AddExecutable("client", "sleep", "/", "60").WaitFor(broken);
        await using var run = TestOrchestrator.Create(builder);

        var watch = Stopwatch.StartNew();
        await run.StartAsync();
        var client = await run.Notifications.WaitForResourceAsync("client", ResourceState.FailedToStart).WaitAsync(Bound);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"took {watch.Elapsed}");
        Assert.Contains("'api' failed to start", client.Error);
        Assert.Contains("build the solution first", client.Error);
    }

    private static async Task<ResourceSnapshot> WaitForAsync(TestOrchestrator run, string name, Func<ResourceSnapshot, bool> reached)
    {
        await foreach (var snapshot in run.Notifications.WatchAsync(new CancellationTokenSource(Bound).Token))
        {
            if (snapshot.Name == name && reached(snapshot))
            {
                return snapshot;
            }
        }

        throw new TimeoutException($"{name} did not reach the expected state: {run.State(name)}");
    }

    /// <summary>The Redis of a run, reached on the port and with the password its connection string names.</summary>
    private sealed partial record Redis(int Port, string Password)
    {
        public static Redis Of(TestOrchestrator run)
        {
            var match = ConnectionString().Match(run.Orchestrator.GetConnectionString(run.Orchestrator.StartOrder.Single(r => r.Name == "redis")));
            return new Redis(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), match.Groups[2].Value);
        }

        public Task<string> SendAsync(string command) => LocalRedisServerTests.SendAsync(Port, $"AUTH {Password}", command);

        public async Task<int> ProcessIdAsync() =>
            int.Parse(ProcessId().Match(await SendAsync("INFO server")).Groups[1].Value, CultureInfo.InvariantCulture);

        [GeneratedRegex(@":(\d+),password=(\w+)")]
        private static partial Regex ConnectionString();

        [GeneratedRegex(@"process_id:(\d+)")]
        private static partial Regex ProcessId();
    }
}
