using Airline.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;

namespace Airline.Hosting.Orchestration;

/// <summary>An existing server: nothing to start, only a connection string that must be configured.</summary>
internal sealed class ConnectionStringRunner(ConnectionStringResource resource, IConfiguration configuration) : ResourceRunner, IConnectionStringSource
{
    public override IResource Resource => resource;

    public override string Kind => "ConnectionString";

    public override Task StartAsync(CancellationToken cancellationToken) =>
        configuration.GetConnectionString(resource.Name) is { Length: > 0 }
            ? Task.CompletedTask
            : throw new DistributedApplicationException(
                $"ConnectionStrings:{resource.Name} is not configured: set it in the AppHost's appsettings.json or as the environment variable ConnectionStrings__{resource.Name}.");

    public override Task StopAsync() => Task.CompletedTask;

    public string GetConnectionString(IResource target) => configuration.GetConnectionString(resource.Name)!;
}
