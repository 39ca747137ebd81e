using Airline.Hosting.LocalServers;
using Airline.TestSupport;
using Airline.TestSupport.Identity;
using Airline.TestSupport.Servers;
using Gateway.Clients;
using FlightsApiEntryPoint = Flights.Api.Data.FlightsContext;
using ReservationsApiEntryPoint = Reservations.Api.Infrastructure.ReservationStore;

namespace Gateway.Tests;

/// <summary>
/// The whole service system on real HTTP: MariaDB and Redis processes, two Flights.Api replicas, one
/// Reservations.Api, Identity.Api and the Gateway, wired together only through <c>services:*</c> service discovery.
/// Three more gateways are given a Reservations.Api or a Flights.Api address where nothing listens.
/// </summary>
public sealed class GatewaySystemFixture : IAsyncLifetime
{
    private readonly MySqlServerFixture _mysql = new();
    private readonly RedisServerFixture _redis = new();
    private readonly List<IAsyncDisposable> _services = [];

    public HttpClient Gateway { get; private set; } = null!;

    /// <summary>The first Flights.Api replica, for tests that talk to it directly.</summary>
    public Uri Flights { get; private set; } = null!;

    public Uri Reservations { get; private set; } = null!;

    public MySqlServer MySql => _mysql.Server;

    public RedisServer Redis => _redis.Server;

    public IdentityService Identity { get; private set; } = null!;

    /// <summary>What Reservations.Api logs (agents' actions among it).</summary>
    public LogRecorder ReservationsLogs { get; } = new();

    public HttpClient GatewayWithoutReservations { get; private set; } = null!;

    /// <summary>A gateway that allows 2 bookings a minute per customer and browsers of <see cref="FrontEndOrigin"/>.</summary>
    public HttpClient GatewayWithTightLimits { get; private set; } = null!;

    public const string FrontEndOrigin = "https://app.airline.example";

    public HttpClient GatewayWithoutFlights { get; private set; } = null!;

    /// <summary>A gateway whose first Flights.Api replica has nothing listening; its second is <see cref="Flights"/>.</summary>
    public KestrelServiceFactory<FlightsClient> GatewayWithADeadFlightsReplica { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // Six services share this process's thread pool; grown one thread at a time under a burst, it leaves
        // StackExchange.Redis waiting past its 1 s timeout and a request answers 503 for no fault of Redis.
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        ThreadPool.SetMinThreads(Math.Max(workers, 64), completionPorts);
        await Task.WhenAll(_mysql.InitializeAsync(), _redis.InitializeAsync());

        // The bad-input corpus sends a thousand registration and token requests from one address.
        Identity = new IdentityService(_mysql.Server, settings: new Dictionary<string, string?> { ["RateLimits:credentials:PermitLimit"] = "1000000" });
        var identity = Identity.ServiceDiscoverySetting;
        var gatewayClient = new KeyValuePair<string, string?>("Identity:ClientSecret", IdentityService.GatewayClientSecret);

        var flightsDb = new Dictionary<string, string?> { ["ConnectionStrings:flightsdb"] = _mysql.Server.GetConnectionString("flightsdb") };
        var flights = new[] { Start<FlightsApiEntryPoint>(flightsDb), Start<FlightsApiEntryPoint>(flightsDb) };
        var reservations = StartFactory<ReservationsApiEntryPoint>(
            new() { ["ConnectionStrings:redis"] = _redis.Server.ConnectionString, [identity.Key] = identity.Value },
            ReservationsLogs).BaseAddress;
        (Flights, Reservations) = (flights[0], reservations);

        Gateway = StartFactory<FlightsClient>(new()
        {
            ["services:flights:http:0"] = flights[0].ToString(),
            ["services:flights:http:1"] = flights[1].ToString(),
            ["services:reservations:http:0"] = reservations.ToString(),
            [identity.Key] = identity.Value,
            [gatewayClient.Key] = gatewayClient.Value,
            ["ConnectionStrings:redis"] = _redis.Server.ConnectionString,
        }).CreateClient();

        GatewayWithTightLimits = StartFactory<FlightsClient>(new()
        {
            ["services:flights:http:0"] = flights[0].ToString(),
            ["services:reservations:http:0"] = reservations.ToString(),
            [identity.Key] = identity.Value,
            [gatewayClient.Key] = gatewayClient.Value,
            ["ConnectionStrings:redis"] = _redis.Server.ConnectionString,
            ["RateLimits:booking:PermitLimit"] = "2",
            ["RateLimits:booking:Window"] = "00:01:00",
            ["Cors:AllowedOrigins:0"] = FrontEndOrigin,
        }).CreateClient();

        // It shares the rebooking journal but cannot reach Reservations.Api, so it must not take over the rebookings
        // a test's crashed gateway abandons for the test's restarted gateway to end: it never looks after starting.
        GatewayWithoutReservations = StartFactory<FlightsClient>(new()
        {
            ["services:flights:http:0"] = flights[0].ToString(),
            ["services:reservations:http:0"] = $"http://127.0.0.1:{FreePort.Next()}",
            [identity.Key] = identity.Value,
            [gatewayClient.Key] = gatewayClient.Value,
            ["ConnectionStrings:redis"] = _redis.Server.ConnectionString,
            ["Rebooking:RecoveryInterval"] = TimeSpan.FromDays(1).ToString(),
        }).CreateClient();

        GatewayWithoutFlights = StartFactory<FlightsClient>(new()
        {
            ["services:flights:http:0"] = $"http://127.0.0.1:{FreePort.Next()}",
            ["services:reservations:http:0"] = reservations.ToString(),
            [identity.Key] = identity.Value,
            [gatewayClient.Key] = gatewayClient.Value,
            ["ConnectionStrings:redis"] = _redis.Server.ConnectionString,
        }).CreateClient();

        GatewayWithADeadFlightsReplica = StartFactory<FlightsClient>(new()
        {
            ["services:flights:http:0"] = $"http://127.0.0.1:{FreePort.Next()}",
            ["services:flights:http:1"] = flights[0].ToString(),
            ["services:reservations:http:0"] = reservations.ToString(),
            [identity.Key] = identity.Value,
            [gatewayClient.Key] = gatewayClient.Value,
            ["ConnectionStrings:redis"] = _redis.Server.ConnectionString,
            // Only for proxied reads: it stays out of the rebooking recovery as GatewayWithoutReservations does.
            ["Rebooking:RecoveryInterval"] = TimeSpan.FromDays(1).ToString(),
        });
    }

    public async Task DisposeAsync()
    {
        foreach (var service in Enumerable.Reverse(_services))
        {
            await service.DisposeAsync();
        }

        if (Identity is not null)
        {
            await Identity.DisposeAsync();
        }

        await Task.WhenAll(_mysql.DisposeAsync(), _redis.DisposeAsync());
    }

    private Uri Start<TEntryPoint>(Dictionary<string, string?> settings) where TEntryPoint : class =>
        StartFactory<TEntryPoint>(settings).BaseAddress;

    private KestrelServiceFactory<TEntryPoint> StartFactory<TEntryPoint>(Dictionary<string, string?> settings, LogRecorder? logs = null)
        where TEntryPoint : class
    {
        var factory = new KestrelServiceFactory<TEntryPoint>(settings, logs);
        _services.Add(factory);
        _ = factory.BaseAddress;
        return factory;
    }
}
