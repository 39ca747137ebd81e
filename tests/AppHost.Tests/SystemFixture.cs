using Airline.TestSupport;

namespace AppHost.Tests;

/// <summary>The whole system as the AppHost models it, started once for the journeys of a test class.</summary>
public class SystemFixture : IAsyncLifetime
{
    private DistributedApplication? _app;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("Not started.");

    public HttpClient Gateway { get; private set; } = null!;

    public HttpClient Identity { get; private set; } = null!;

    /// <summary>The AppHost's console; a test hands what was said during it to its output with <c>During</c>.</summary>
    public CapturedOutput Output { get; } = new();

    public async Task InitializeAsync()
    {
        _app = await TestApplication.StartAsync<Projects.AppHost>(output: Output, configure: builder =>
        {
            // The load tests book hundreds of times a second per customer and sign 50 customers up from one address,
            // far past what the limits allow a person.
            var resources = builder.Resources.OfType<Airline.Hosting.ApplicationModel.Resource>().ToList();
            resources.Single(resource => resource.Name == "gateway").Environment["RateLimits__booking__PermitLimit"] = "1000000";
            resources.Single(resource => resource.Name == "identity").Environment["RateLimits__credentials__PermitLimit"] = "1000000";
            Configure(builder);
        });
        Gateway = _app.CreateHttpClient("gateway");
        Identity = _app.CreateHttpClient("identity");
    }

    public async Task DisposeAsync()
    {
        Gateway?.Dispose();
        Identity?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    /// <summary>Changes the AppHost's model before it is built.</summary>
    protected virtual void Configure(DistributedApplicationTestingBuilder builder)
    {
    }
}
