using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.ServiceDiscovery;

namespace Gateway.Tests;

/// <summary>The resolver of Microsoft.Extensions.ServiceDiscovery.Yarp, registered as the gateway registers it.</summary>
public sealed class ServiceDiscoveryDestinationResolverTests
{
    [Fact]
    public async Task Every_replica_of_a_service_becomes_a_destination()
    {
        await using var services = Services(new()
        {
            ["services:flights:http:0"] = "http://127.0.0.1:5101",
            ["services:flights:http:1"] = "http://127.0.0.1:5102",
        });
        var resolver = services.GetRequiredService<IDestinationResolver>();

        var resolved = await resolver.ResolveDestinationsAsync(
            new Dictionary<string, DestinationConfig> { ["flights"] = new() { Address = "http://flights" } },
            CancellationToken.None);

        Assert.Equal(
            ["http://127.0.0.1:5101/", "http://127.0.0.1:5102/"],
            resolved.Destinations.Values.Select(d => d.Address).Order());
        Assert.Equal(2, resolved.Destinations.Keys.Distinct().Count());
        Assert.NotNull(resolved.ChangeToken);
    }

    [Fact]
    public async Task Keeps_the_configured_path_and_an_explicit_host()
    {
        await using var services = Services(new() { ["services:flights:http:0"] = "http://127.0.0.1:5101" });
        var resolver = services.GetRequiredService<IDestinationResolver>();

        var resolved = await resolver.ResolveDestinationsAsync(
            new Dictionary<string, DestinationConfig> { ["flights"] = new() { Address = "http://flights/api/", Host = "flights.example" } },
            CancellationToken.None);

        var destination = Assert.Single(resolved.Destinations.Values);
        Assert.Equal("http://127.0.0.1:5101/api/", destination.Address);
        Assert.Equal("flights.example", destination.Host);
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddServiceDiscovery();
        services.AddReverseProxy().AddServiceDiscoveryDestinationResolver();
        return services.BuildServiceProvider();
    }
}
