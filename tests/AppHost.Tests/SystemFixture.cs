using Airline.TestSupport;

namespace AppHost.Tests;

/// <summary>The whole system as the AppHost models it, started once for the journeys of a test class.</summary>
public sealed class SystemFixture : IAsyncLifetime
{
    private DistributedApplication? _app;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("Not started.");

    public HttpClient Gateway { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _app = await TestApplication.StartAsync<Projects.AppHost>();
        Gateway = _app.CreateHttpClient("gateway");
    }

    public async Task DisposeAsync()
    {
        Gateway?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
