namespace AppHost.Tests;

/// <summary>The whole system as the AppHost models it, started once for the journeys of a test class.</summary>
public sealed class SystemFixture : IAsyncLifetime
{
    private DistributedApplication? _app;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("Not started.");

    public HttpClient Gateway { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>();
        _app = await builder.BuildAsync();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await _app.StartAsync(timeout.Token);
            await _app.ResourceNotifications.WaitForResourceHealthyAsync("gateway", timeout.Token);
            Gateway = _app.CreateHttpClient("gateway");
        }
        catch
        {
            // xunit does not dispose a fixture whose start failed: stop what did start.
            await _app.DisposeAsync();
            throw;
        }
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
