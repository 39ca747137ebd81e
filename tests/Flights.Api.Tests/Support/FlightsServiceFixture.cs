using Airline.TestSupport;
using Airline.TestSupport.Servers;
using Flights.Api.Data;

namespace Flights.Api.Tests.Support;

/// <summary>A private MariaDB and one Flights.Api in front of it, started once for the tests that share them.</summary>
public class FlightsServiceFixture : IAsyncLifetime
{
    private readonly MySqlServerFixture _mysql = new();
    private readonly IReadOnlyDictionary<string, string?>? _settings;
    private KestrelServiceFactory<FlightsContext>? _service;

    public FlightsServiceFixture()
    {
    }

    /// <param name="settings">Configuration of the service beyond its connection string.</param>
    protected FlightsServiceFixture(IReadOnlyDictionary<string, string?> settings) => _settings = settings;

    public MySqlServer Server => _mysql.Server;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        try
        {
            await _mysql.InitializeAsync();
            _service = FlightsService.Create(_mysql.Server, _settings);
            Client = _service.CreateHttpClient();
        }
        catch
        {
            // xunit does not dispose a fixture that failed to initialise: stop the server here.
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }

        await _mysql.DisposeAsync();
    }
}

/// <summary>Flights.Api with its read cache off: every read asks MySQL.</summary>
public sealed class UncachedFlightsServiceFixture() : FlightsServiceFixture(new Dictionary<string, string?> { ["ReadCache:Expiry"] = "00:00:00" });

/// <summary>The tests that only read share one service and database.</summary>
[CollectionDefinition(Name)]
public sealed class SharedFlightsServiceCollection : ICollectionFixture<FlightsServiceFixture>
{
    public const string Name = "Shared Flights.Api";
}
