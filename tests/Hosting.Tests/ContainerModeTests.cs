using Airline.Hosting;
using Airline.Hosting.Containers;
using Airline.Hosting.Local;
using Airline.Hosting.Orchestration;
using Airline.TestSupport;
using MySqlConnector;

namespace Hosting.Tests;

public sealed class ContainerModeTests
{
    [Fact]
    public async Task MySQL_and_Redis_run_as_containers_with_the_command_lines_a_runtime_needs()
    {
        await using var runtime = new FakeContainerRuntime();
        var builder = TestApp.Builder();
        var mysql = builder.AddMySql("mysql").WithDataVolume();
        mysql.AddDatabase("flightsdb");
        builder.AddRedis("redis");
        builder.AddContainer("collector", "otel/opentelemetry-collector", "0.120.0").WithEndpoint("otlp", 4318).WithArgs("--config", "/etc/otel.yaml");
        await using var run = TestOrchestrator.Create(builder, runtime: "container", containerRuntime: runtime);

        await run.StartAsync();

        Assert.True(run.State("flightsdb") is { State: ResourceState.Running, Healthy: true }, run.State("flightsdb").ToString());
        Assert.True(run.State("redis") is { State: ResourceState.Running, Healthy: true }, run.State("redis").ToString());
        Assert.Equal(ResourceState.Running, run.State("collector").State);

        var mysqlRun = runtime.CommandLine("mysql").ToList();
        Assert.Equal(["run", "--detach", "--name"], mysqlRun.Take(3));
        Assert.Contains("--label", mysqlRun);
        Assert.Matches(@"^127\.0\.0\.1:\d+:3306$", mysqlRun[mysqlRun.IndexOf("--publish") + 1]);
        Assert.Contains(mysqlRun, argument => argument.StartsWith("MYSQL_ROOT_PASSWORD=", StringComparison.Ordinal));
        Assert.EndsWith("-mysql-data:/var/lib/mysql", mysqlRun[mysqlRun.IndexOf("--volume") + 1], StringComparison.Ordinal);
        Assert.Equal(BackingServiceContainers.MySqlImage, mysqlRun[^1]);

        var redisRun = runtime.CommandLine("redis").ToList();
        Assert.DoesNotContain("--volume", redisRun);
        Assert.Equal(["redis-server", "--requirepass"], redisRun.SkipWhile(a => a != BackingServiceContainers.RedisImage).Skip(1).Take(2));

        var collectorRun = runtime.CommandLine("collector");
        Assert.Equal(["otel/opentelemetry-collector:0.120.0", "--config", "/etc/otel.yaml"], collectorRun.TakeLast(3));

        await using var connection = new MySqlConnection(run.Orchestrator.GetConnectionString(mysql.Resource.Databases[0]));
        await connection.OpenAsync();
        Assert.Equal("flightsdb", connection.Database);
    }

    [Fact]
    public async Task Local_mode_needs_no_container_runtime_but_a_container_resource_does()
    {
        var builder = TestApp.Builder();
        builder.AddContainer("collector", "otel/opentelemetry-collector");
        await using var run = TestOrchestrator.Create(builder, runtime: "local");

        await Assert.ThrowsAsync<MissingPrerequisiteException>(run.StartAsync);
    }

    /// <summary>
    /// Records every command line it is given and stands in for the images it knows with the real
    /// servers run as local processes on the published port, so the container path is exercised end to end.
    /// </summary>
    private sealed class FakeContainerRuntime : IContainerRuntime, IAsyncDisposable
    {
        private readonly Dictionary<string, IReadOnlyList<string>> _commandLines = [];
        private readonly Dictionary<string, LocalServer> _servers = [];
        private readonly TemporaryDirectory _data = new("fake-runtime");

        public string Name => "fake";

        public IReadOnlyList<string> CommandLine(string resource) =>
            _commandLines.Single(pair => pair.Key.EndsWith($"-{resource}", StringComparison.Ordinal)).Value;

        public async Task RunAsync(ContainerSpec spec, CancellationToken cancellationToken)
        {
            _commandLines[spec.Name] = ContainerCommand.Run(spec);
            LocalServer? server = spec.Image switch
            {
                BackingServiceContainers.MySqlImage => new LocalMySqlServer(Path.Combine(_data.Path, spec.Name), spec.Environment["MYSQL_ROOT_PASSWORD"], spec.Ports[0].HostPort),
                BackingServiceContainers.RedisImage => new LocalRedisServer(Path.Combine(_data.Path, spec.Name), spec.Arguments[2], spec.Ports[0].HostPort),
                _ => null,
            };
            if (server is not null)
            {
                _servers[spec.Name] = server;
                await server.StartAsync(cancellationToken);
            }
        }

        public async Task RemoveAsync(string containerName)
        {
            if (_servers.Remove(containerName, out var server))
            {
                await server.DisposeAsync();
            }
        }

        /// <summary>A container of an image it does not stand in for runs until it is removed.</summary>
        public Task<int> WaitAsync(string containerName) =>
            _servers.GetValueOrDefault(containerName)?.Exited ?? new TaskCompletionSource<int>().Task;

        public Task<int> RemoveLeftoversAsync(string label, CancellationToken cancellationToken) => Task.FromResult(0);

        public async ValueTask DisposeAsync()
        {
            foreach (var name in _servers.Keys.ToList())
            {
                await RemoveAsync(name);
            }

            _data.Dispose();
        }
    }
}
