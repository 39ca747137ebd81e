using System.Reflection;
using Airline.Hosting.Dashboard;
using Airline.Hosting.Orchestration;
using Airline.Hosting.Publishing;
using Airline.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Airline.Hosting;

/// <summary>A built app model: run it, start and stop it, and ask where its resources are.</summary>
public sealed class DistributedApplication : IAsyncDisposable
{
    private readonly IHost _host;

    internal DistributedApplication(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public ResourceNotificationService ResourceNotifications => Services.GetRequiredService<ResourceNotificationService>();

    /// <summary>Where the dashboard listens, its login URL (browser token) and the OTLP API key.</summary>
    public DashboardAccess Dashboard => Services.GetRequiredService<DashboardAccess>();

    private Orchestrator Orchestrator => Services.GetRequiredService<Orchestrator>();

    public static IDistributedApplicationBuilder CreateBuilder(string[] args) =>
        new DistributedApplicationBuilder(DistributedApplicationTestingBuilder.InterceptedOptions(args) ?? new DistributedApplicationOptions
        {
            Args = args,
            AppHostAssembly = Assembly.GetEntryAssembly() ?? throw new InvalidOperationException("No entry assembly."),
        });

    /// <summary>
    /// Starts everything and runs until Ctrl+C or SIGTERM, then stops everything in reverse order; in publish
    /// mode writes what the publisher makes of the model instead, and returns.
    /// </summary>
    public void Run() => RunAsync().GetAwaiter().GetResult();

    public Task RunAsync(CancellationToken cancellationToken = default) =>
        Services.GetService<PublishCommand>() is { } publish ? publish.RunAsync() : _host.RunAsync(cancellationToken);

    /// <summary>Starts every resource; returns once each is running and healthy or has failed to start.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default) => _host.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken = default) => _host.StopAsync(cancellationToken);

    /// <summary>The URL of a project's replica.</summary>
    public Uri GetEndpoint(string resourceName, int replica = 0) => Orchestrator.Endpoints(Resource(resourceName))[replica];

    /// <summary>An HttpClient whose base address is the project's first replica.</summary>
    public HttpClient CreateHttpClient(string resourceName) => new() { BaseAddress = GetEndpoint(resourceName) };

    public ValueTask<string?> GetConnectionStringAsync(string resourceName, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<string?>(Orchestrator.GetConnectionString(Resource(resourceName)));

    /// <summary>Kills one replica of a project as a crash would.</summary>
    public void KillReplica(string resourceName, int replica) => Orchestrator.ProjectRunner(resourceName).KillReplica(replica);

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        if (_host is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync();
        }
        else
        {
            _host.Dispose();
        }
    }

    private ApplicationModel.IResource Resource(string name) =>
        Services.GetRequiredService<DistributedApplicationModel>().Resources.SingleOrDefault(r => r.Name == name)
        ?? throw new DistributedApplicationException($"There is no resource named '{name}'.");
}
