using Airline.Hosting;
using Airline.Hosting.ApplicationModel;
using Airline.Hosting.Local;
using Airline.Hosting.Orchestration;

namespace Hosting.Tests;

public sealed class FailureReportingTests
{
    [Fact]
    public async Task A_job_that_fails_reports_its_exit_code_and_output_and_what_waits_for_it_does_not_start()
    {
        var builder = TestApp.Builder();
        var job = builder.AddExecutable("migrate", "sh", "/", "-c", "echo schema is broken; exit 3");
        builder.AddExecutable("after", "sh", "/", "-c", "exit 0").WaitForCompletion(job);
        await using var run = TestOrchestrator.Create(builder);

        await run.StartAsync();
        var failed = await run.Notifications.WaitForResourceCompletionAsync("migrate");

        Assert.Equal(ResourceState.Exited, failed.State);
        Assert.Equal(3, failed.ExitCode);
        Assert.Contains("schema is broken", failed.Error);
        var after = run.State("after");
        Assert.Equal(ResourceState.FailedToStart, after.State);
        Assert.Contains("'migrate' exited with code 3", after.Error);
        Assert.Contains("migrate", run.Console.ToString());
    }

    [Fact]
    public async Task A_job_that_succeeds_lets_what_waits_for_it_run()
    {
        var builder = TestApp.Builder();
        var job = builder.AddExecutable("migrate", "sh", "/", "-c", "exit 0");
        builder.AddExecutable("after", "sh", "/", "-c", "echo ran").WaitForCompletion(job);
        await using var run = TestOrchestrator.Create(builder);

        await run.StartAsync();
        var after = await run.Notifications.WaitForResourceCompletionAsync("after");

        Assert.Equal(ResourceState.Finished, run.State("migrate").State);
        Assert.Equal(ResourceState.Finished, after.State);
        Assert.Equal(0, after.ExitCode);
    }

    [Fact]
    public async Task A_project_that_was_not_built_fails_to_start_and_says_so_and_its_dependents_say_why_they_did_not_start()
    {
        var builder = TestApp.Builder();
        var api = builder.AddProject<TestProject>("api");
        builder.AddProject<TestProject>("gateway").WithReference(api).WaitFor(api);
        await using var run = TestOrchestrator.Create(builder);

        await run.StartAsync();

        Assert.Equal(ResourceState.FailedToStart, run.State("api").State);
        Assert.Contains("build the solution first", run.State("api").Error);
        Assert.Equal(ResourceState.FailedToStart, run.State("gateway").State);
        Assert.Contains("'api' failed to start", run.State("gateway").Error);
        await Assert.ThrowsAsync<DistributedApplicationException>(() => run.Notifications.WaitForResourceHealthyAsync("gateway"));
    }

    [Fact]
    public async Task A_fixed_port_in_use_is_named()
    {
        using var busy = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        busy.Start();
        var port = ((System.Net.IPEndPoint)busy.LocalEndpoint).Port;
        var builder = TestApp.Builder();
        builder.AddProject<BuiltProject>("api").WithHttpEndpoint(port);
        await using var run = TestOrchestrator.Create(builder);

        await run.StartAsync();

        Assert.Equal(ResourceState.FailedToStart, run.State("api").State);
        Assert.Contains($"port {port}", run.State("api").Error);
    }

    [Fact]
    public async Task A_missing_existing_connection_string_says_how_to_set_it()
    {
        var builder = TestApp.Builder();
        builder.AddConnectionString("legacydb");
        await using var run = TestOrchestrator.Create(builder);

        await run.StartAsync();

        Assert.Contains("ConnectionStrings__legacydb", run.State("legacydb").Error);
    }

    [Fact]
    public async Task Processes_a_killed_AppHost_left_behind_are_ended_on_the_next_start()
    {
        var state = new Airline.TestSupport.TemporaryDirectory("apphost");
        var builder = TestApp.Builder();
        builder.AddExecutable("sleeper", "sleep", "/", "300");
        var killed = TestOrchestrator.Create(builder, state: state);
        await killed.StartAsync();
        var recorded = File.ReadAllLines(Path.Combine(killed.StateDirectory, "processes")).Single();
        using var leftover = System.Diagnostics.Process.GetProcessById(int.Parse(recorded.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture));

        var builder2 = TestApp.Builder();
        builder2.AddExecutable("other", "sh", "/", "-c", "exit 0");
        await using var next = TestOrchestrator.Create(builder2, state: state);
        await next.StartAsync();

        Assert.True(leftover.WaitForExit(TimeSpan.FromSeconds(10)));
        Assert.Contains("ended 1 process(es) an earlier run left behind", next.Console.ToString());
    }

    /// <summary>A project whose assembly exists (this test assembly), so only the port check can fail.</summary>
    private sealed class BuiltProject : IProjectMetadata
    {
        public string ProjectPath => typeof(BuiltProject).Assembly.Location;

        public string TargetPath => typeof(BuiltProject).Assembly.Location;
    }
}
