using Airline.TestSupport;

namespace AppHost.Tests;

/// <summary>The whole system as the AppHost models it, started once through Aspire's testing builder for the journeys of a test class.</summary>
public class SystemFixture : IAsyncLifetime
{
    private TestApplication? _system;

    public DistributedApplication App => _system?.App ?? throw new InvalidOperationException("Not started.");

    /// <summary>
    /// The gateway without the testing builder's resilience handler: the tests count every failure and time every
    /// answer, so a request is sent once, as a client would send it.
    /// </summary>
    public HttpClient Gateway { get; private set; } = null!;

    public HttpClient Identity { get; private set; } = null!;

    /// <summary>The AppHost's log and every resource's console; a test hands what was said during it to its output with <c>During</c>.</summary>
    public CapturedOutput Output { get; } = new();

    public async Task InitializeAsync()
    {
        _system = await TestApplication.StartAsync<Projects.AppHost>(output: Output, configure: builder =>
        {
            // The load tests book hundreds of times a second per customer and sign 50 customers up from one address,
            // far past what the limits allow a person.
            builder.CreateResourceBuilder<ProjectResource>("gateway").WithEnvironment("RateLimits__booking__PermitLimit", "1000000");
            builder.CreateResourceBuilder<ProjectResource>("identity").WithEnvironment("RateLimits__credentials__PermitLimit", "1000000");
            Configure(builder);
        });
        Gateway = App.CreateClientWithoutRetries("gateway");
        Identity = App.CreateClientWithoutRetries("identity");
    }

    public async Task DisposeAsync()
    {
        Gateway?.Dispose();
        Identity?.Dispose();
        if (_system is not null)
        {
            await _system.DisposeAsync();
        }
    }

    /// <summary>Changes the AppHost's model before it is built.</summary>
    protected virtual void Configure(IDistributedApplicationTestingBuilder builder)
    {
    }
}

internal static class Clients
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>A client of the resource's http endpoint that sends each request once (no retries, no circuit breaker).</summary>
    public static HttpClient CreateClientWithoutRetries(this DistributedApplication app, string resource) =>
        new() { BaseAddress = app.GetEndpoint(resource, "http"), Timeout = Timeout };
}
