using Airline.TestSupport;
using Airline.TestSupport.Identity;
using Airline.TestSupport.Servers;
using Gateway.Clients;
using FlightsApiEntryPoint = Flights.Api.Data.FlightsContext;
using ReservationsApiEntryPoint = Reservations.Api.Infrastructure.ReservationStore;

namespace Gateway.Tests;

/// <summary>
/// MariaDB, Redis, one Flights.Api and the Gateway on real HTTP, with the read caches' expiries shortened
/// (Flights.Api's <c>ReadCache:Expiry</c> and the gateway's <c>FlightsCache:Expiry</c>) so a change made in
/// MySQL can be watched reaching the gateway.
/// </summary>
public sealed class ShortCacheSystemFixture : IAsyncLifetime
{
    public static readonly TimeSpan FlightsApiExpiry = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan GatewayExpiry = TimeSpan.FromSeconds(2);

    private readonly MySqlServerFixture _mysql = new();
    private readonly RedisServerFixture _redis = new();
    private readonly List<IAsyncDisposable> _services = [];

    /// <summary>The longest a change made in MySQL may stay unseen by the gateway, as documented.</summary>
    public static TimeSpan DocumentedExpiry => FlightsApiExpiry + GatewayExpiry;

    public HttpClient Gateway { get; private set; } = null!;

    /// <summary>A signed-in customer who books in these tests.</summary>
    public Customer Customer { get; private set; } = null!;

    private IdentityService? _identity;

    public string FlightsDbConnectionString => _mysql.Server.GetConnectionString("flightsdb");

    public async Task InitializeAsync()
    {
        await Task.WhenAll(_mysql.InitializeAsync(), _redis.InitializeAsync());

        var flights = Start<FlightsApiEntryPoint>(new()
        {
            ["ConnectionStrings:flightsdb"] = FlightsDbConnectionString,
            ["ReadCache:Expiry"] = FlightsApiExpiry.ToString(),
        });
        _identity = new IdentityService(_mysql.Server);
        var identity = _identity.ServiceDiscoverySetting;
        var reservations = Start<ReservationsApiEntryPoint>(new()
        {
            ["ConnectionStrings:redis"] = _redis.Server.ConnectionString,
            [identity.Key] = identity.Value,
        });

        var gateway = new KestrelServiceFactory<FlightsClient>(new Dictionary<string, string?>
        {
            ["services:flights:http:0"] = flights.ToString(),
            ["services:reservations:http:0"] = reservations.ToString(),
            [identity.Key] = identity.Value,
            ["Identity:ClientSecret"] = IdentityService.GatewayClientSecret,
            ["FlightsCache:Expiry"] = GatewayExpiry.ToString(),
            ["ConnectionStrings:redis"] = _redis.Server.ConnectionString,
        });
        _services.Add(gateway);
        Gateway = gateway.CreateClient();
        Customer = await _identity.SignUpAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var service in Enumerable.Reverse(_services))
        {
            await service.DisposeAsync();
        }

        if (_identity is not null)
        {
            await _identity.DisposeAsync();
        }

        await Task.WhenAll(_mysql.DisposeAsync(), _redis.DisposeAsync());
    }

    private Uri Start<TEntryPoint>(Dictionary<string, string?> settings) where TEntryPoint : class
    {
        var factory = new KestrelServiceFactory<TEntryPoint>(settings);
        _services.Add(factory);
        return factory.BaseAddress;
    }
}
