using Airline.Hosting;
using Airline.Hosting.ApplicationModel;
using Airline.Hosting.Testing;

namespace Airline.TestSupport;

public static class TestApplication
{
    /// <summary>
    /// Starts an AppHost's model in test mode and returns once <paramref name="resource"/> is healthy;
    /// if that fails, stops what did start (xunit does not dispose a fixture whose start failed).
    /// </summary>
    public static async Task<DistributedApplication> StartAsync<TAppHost>(string resource = "gateway")
        where TAppHost : IProjectMetadata, new()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<TAppHost>();
        var app = await builder.BuildAsync();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await app.StartAsync(timeout.Token);
            await app.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }
}
