using Airline.TestSupport;

namespace Dashboard.Tests;

/// <summary>The whole system as the AppHost models it, started once with its dashboard for the tests of the "system" collection.</summary>
public sealed class SystemFixture : IAsyncLifetime
{
    public static readonly string[] Resources = ["mysql", "flightsdb", "identitydb", "redis", "identity", "flights", "reservations", "gateway", "web"];

    private DistributedApplication? _app;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("Not started.");

    public HttpClient Gateway { get; private set; } = null!;

    public HttpClient Identity { get; private set; } = null!;

    public HttpClient Dashboard { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _app = await TestApplication.StartAsync<Projects.AppHost>();
        Gateway = _app.CreateHttpClient("gateway");
        Identity = _app.CreateHttpClient("identity");
        Dashboard = await DashboardClient.LogInAsync(_app.Dashboard);
    }

    public async Task DisposeAsync()
    {
        Gateway?.Dispose();
        Identity?.Dispose();
        Dashboard?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

[CollectionDefinition("system")]
public sealed class SystemCollection : ICollectionFixture<SystemFixture>;
