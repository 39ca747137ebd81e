using Airline.TestSupport;
using Reservations.Api.Infrastructure;

namespace Reservations.Api.Tests;

/// <summary>Reservations.Api on real Kestrel in front of a private Redis of its own.</summary>
public sealed class ReservationsServiceFixture : IAsyncLifetime
{
    private KestrelServiceFactory<ReservationStore>? _service;

    public RedisServerFixture Redis { get; } = new();

    public HttpClient Client { get; private set; } = null!;

    /// <summary>What the service started by <see cref="InitializeAsync"/> logs.</summary>
    public LogRecorder Logs { get; } = new();

    public async Task InitializeAsync()
    {
        await Redis.InitializeAsync();
        _service = StartService(Logs);
        Client = new HttpClient { BaseAddress = _service.BaseAddress };
    }

    /// <summary>A new instance of the service configured for this fixture's Redis, whether Redis runs or not.</summary>
    public KestrelServiceFactory<ReservationStore> StartService(LogRecorder? logs = null) =>
        new(new Dictionary<string, string?> { ["ConnectionStrings:redis"] = Redis.Server.ConnectionString }, logs);

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }

        await Redis.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ReservationsServiceCollection : ICollectionFixture<ReservationsServiceFixture>
{
    public const string Name = "Reservations service";
}
