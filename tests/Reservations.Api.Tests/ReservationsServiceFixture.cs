using Airline.TestSupport;
using Airline.TestSupport.Identity;
using Airline.TestSupport.Servers;
using Reservations.Api.Infrastructure;

namespace Reservations.Api.Tests;

/// <summary>
/// Reservations.Api on real Kestrel in front of a private Redis of its own, validating tokens against a real
/// Identity.Api (on a private MySQL). <see cref="Client"/> acts for whichever customer a request names, as the
/// gateway would with that customer's token; <see cref="Anonymous"/> sends only what a test gives it.
/// </summary>
public sealed class ReservationsServiceFixture : IAsyncLifetime
{
    private readonly MySqlServerFixture _mysql = new();
    private KestrelServiceFactory<ReservationStore>? _service;

    public RedisServerFixture Redis { get; } = new();

    public IdentityService Identity { get; private set; } = null!;

    /// <summary>The MySQL server of <see cref="Identity"/>, for more identity services.</summary>
    public Airline.TestSupport.Servers.MySqlServer MySql => _mysql.Server;

    /// <summary>What the service started by <see cref="InitializeAsync"/> logs.</summary>
    public LogRecorder Logs { get; } = new();

    public HttpClient Client { get; private set; } = null!;

    public HttpClient Anonymous { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Task.WhenAll(_mysql.InitializeAsync(), Redis.InitializeAsync());
        Identity = new IdentityService(_mysql.Server);
        // It shares Redis with the instances the hold-expiry tests start: its sweeper (every second by default) would
        // free their expired holds, which those tests must see freed without one.
        _service = StartService(Logs, new Dictionary<string, string?> { ["Holds:SweepInterval"] = TimeSpan.FromHours(1).ToString() });
        Client = ClientFor(_service.BaseAddress);
        Anonymous = new HttpClient { BaseAddress = _service.BaseAddress };
    }

    /// <summary>A client of a service instance that acts for the customer each request names, like <see cref="Client"/>.</summary>
    public HttpClient ClientFor(Uri service) => new(new ActAsNamedCustomerHandler(Identity)) { BaseAddress = service };

    /// <summary>A new instance of the service configured for this fixture's Redis, whether Redis runs or not.</summary>
    /// <param name="settings">More configuration, e.g. a shorter hold.</param>
    public KestrelServiceFactory<ReservationStore> StartService(LogRecorder? logs = null, IReadOnlyDictionary<string, string?>? settings = null) =>
        new(new Dictionary<string, string?>
        {
            ["ConnectionStrings:redis"] = Redis.Server.ConnectionString,
            [Identity.ServiceDiscoverySetting.Key] = Identity.ServiceDiscoverySetting.Value,
        }.Concat(settings ?? new Dictionary<string, string?>()).ToDictionary(), logs);

    public async Task DisposeAsync()
    {
        Client.Dispose();
        Anonymous.Dispose();
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }

        if (Identity is not null)
        {
            await Identity.DisposeAsync();
        }

        await Task.WhenAll(Redis.DisposeAsync(), _mysql.DisposeAsync());
    }
}

[CollectionDefinition(Name)]
public sealed class ReservationsServiceCollection : ICollectionFixture<ReservationsServiceFixture>
{
    public const string Name = "Reservations service";
}
