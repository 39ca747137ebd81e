using Airline.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using MySqlConnector;

namespace PublicPaths;

/// <summary>
/// The AppHost's whole model started as the whole-system tests start it (<see cref="TestApplication"/>: Aspire's testing
/// builder, MariaDB and Redis as local processes with their data in a temporary folder, Redis with <c>appendfsync always</c>,
/// no dashboard and so no telemetry exported), with the services as this build's configuration built them.
/// </summary>
internal sealed class RunningSystem : IAsyncDisposable
{
    /// <summary>The rate limits the benchmark runs under: one customer books thousands of seats a second.</summary>
    public const string Limits = "booking and credentials rate limits lifted (RateLimits__*__PermitLimit=1000000)";

    private static readonly string[] Services = ["gateway", "flights", "reservations"];

    private readonly TestApplication _system;
    private readonly IReadOnlyDictionary<string, IReadOnlyList<ServiceInstance>> _instances;

    private RunningSystem(TestApplication system, IReadOnlyDictionary<string, IReadOnlyList<ServiceInstance>> instances, string flightsDb, string redis)
    {
        _system = system;
        _instances = instances;
        FlightsDbConnectionString = flightsDb;
        RedisConnectionString = redis;
    }

    /// <summary>The gateway's own port: what is measured is the gateway, not DCP's proxy in front of it.</summary>
    public Uri Gateway => _instances["gateway"][0].Url;

    public Uri Reservations => _instances["reservations"][0].Url;

    public IReadOnlyList<Uri> FlightsReplicas => [.. _instances["flights"].Select(replica => replica.Url)];

    /// <summary>DCP's proxy in front of both Flights.Api replicas: where the gateway's requests for flights go.</summary>
    public Uri FlightsProxy => _system.App.GetEndpoint("flights");

    public Uri Identity => _system.App.GetEndpoint("identity");

    public string FlightsDbConnectionString { get; }

    public MySqlConnectionStringBuilder FlightsDb => new(FlightsDbConnectionString);

    public string RedisConnectionString { get; }

    /// <summary>Service name → process id of each of its replicas.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<int>> ServiceProcesses =>
        _instances.ToDictionary(service => service.Key, service => (IReadOnlyList<int>)[.. service.Value.Select(i => i.ProcessId)]);

    public static async Task<RunningSystem> StartAsync()
    {
        var system = await TestApplication.StartAsync<Projects.AppHost>(resource: "web", configure: builder =>
        {
            builder.Services.AddLogging(logging => logging.AddFilter<ConsoleLoggerProvider>(_ => false));
            builder.CreateResourceBuilder<ProjectResource>("gateway").WithEnvironment("RateLimits__booking__PermitLimit", "1000000");
            builder.CreateResourceBuilder<ProjectResource>("identity").WithEnvironment("RateLimits__credentials__PermitLimit", "1000000");
        });
        try
        {
            var instances = new Dictionary<string, IReadOnlyList<ServiceInstance>>();
            foreach (var service in Services)
            {
                instances[service] = await HealthyInstancesAsync(system.App, service);
            }

            return new RunningSystem(
                system,
                instances,
                await system.App.GetConnectionStringAsync("flightsdb") ?? throw new InvalidOperationException("flightsdb has no connection string."),
                await system.App.GetConnectionStringAsync("redis") ?? throw new InvalidOperationException("redis has no connection string."));
        }
        catch
        {
            await system.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => _system.DisposeAsync();

    private static async Task<IReadOnlyList<ServiceInstance>> HealthyInstancesAsync(DistributedApplication app, string service)
    {
        var resource = app.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == service);
        var replicas = resource.TryGetLastAnnotation<ReplicaAnnotation>(out var annotation) ? annotation.Replicas : 1;
        var healthy = new Dictionary<string, ServiceInstance>();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await foreach (var update in app.ResourceNotifications.WatchAsync(limit.Token))
        {
            if (update.Resource == resource && update.Snapshot.State?.Text == KnownResourceStates.Running
                && update.Snapshot.HealthStatus == HealthStatus.Healthy)
            {
                healthy[update.ResourceId] = ServiceInstance.From(update.Snapshot, update.ResourceId);
                if (healthy.Count == replicas)
                {
                    break;
                }
            }
        }

        return [.. healthy.Values];
    }
}
