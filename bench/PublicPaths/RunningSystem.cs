using Airline.Hosting.Orchestration;
using MySqlConnector;

namespace PublicPaths;

/// <summary>
/// The AppHost's system as it runs (its model, MariaDB and Redis as local processes, Redis with
/// <c>appendfsync always</c>, telemetry exported to the AppHost's dashboard), started from this build's
/// configuration on free ports.
/// </summary>
internal sealed class RunningSystem : IAsyncDisposable
{
    private static readonly string[] Resources = ["mysql", "flightsdb", "identitydb", "redis", "identity", "flights", "reservations", "gateway"];

    /// <summary>The rate limits the benchmark runs under: one customer books thousands of seats a second.</summary>
    public const string Limits = "booking and credentials rate limits lifted (RateLimits__*__PermitLimit=1000000)";

    private readonly DistributedApplication _app;

    private RunningSystem(DistributedApplication app, string flightsDb, string redis)
    {
        _app = app;
        FlightsDbConnectionString = flightsDb;
        RedisConnectionString = redis;
    }

    public Uri Gateway => _app.GetEndpoint("gateway");

    public Uri Reservations => _app.GetEndpoint("reservations");

    public Uri Identity => _app.GetEndpoint("identity");

    public IReadOnlyList<Uri> FlightsReplicas => [.. Replicas("flights").Select(replica => replica.Url)];

    public string FlightsDbConnectionString { get; }

    public string RedisConnectionString { get; }

    /// <summary>Service name → process id of each of its replicas.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<int>> ServiceProcesses => new Dictionary<string, IReadOnlyList<int>>
    {
        ["gateway"] = ProcessIds("gateway"),
        ["flights"] = ProcessIds("flights"),
        ["reservations"] = ProcessIds("reservations"),
    };

    public static async Task<RunningSystem> StartAsync()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>();
        var resources = builder.Resources.OfType<Airline.Hosting.ApplicationModel.Resource>().ToList();
        resources.Single(resource => resource.Name == "gateway").Environment["RateLimits__booking__PermitLimit"] = "1000000";
        resources.Single(resource => resource.Name == "identity").Environment["RateLimits__credentials__PermitLimit"] = "1000000";
        var app = await builder.BuildAsync();
        await app.StartAsync();
        foreach (var resource in Resources)
        {
            await app.ResourceNotifications.WaitForResourceHealthyAsync(resource).WaitAsync(TimeSpan.FromMinutes(2));
        }

        return new RunningSystem(
            app,
            await app.GetConnectionStringAsync("flightsdb") ?? throw new InvalidOperationException("flightsdb has no connection string."),
            await app.GetConnectionStringAsync("redis") ?? throw new InvalidOperationException("redis has no connection string."));
    }

    public MySqlConnectionStringBuilder FlightsDb => new(FlightsDbConnectionString);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private IReadOnlyList<ReplicaSnapshot> Replicas(string resource) =>
        _app.ResourceNotifications.TryGetCurrentState(resource)?.Replicas
        ?? throw new InvalidOperationException($"{resource} reports no replicas.");

    private List<int> ProcessIds(string resource) =>
        [.. Replicas(resource).Select(replica => replica.ProcessId ?? throw new InvalidOperationException($"{resource} replica {replica.Index} has no process."))];
}
