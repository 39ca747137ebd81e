using Airline.Hosting.Orchestration;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace Airline.Hosting.Dashboard;

/// <summary>
/// Runs the dashboard while the AppHost runs. It starts before the orchestrator (so the OTLP receiver
/// listens before the first project exports) and stops after it (so the page sees everything stop).
/// </summary>
internal sealed class DashboardHost(DashboardAccess access, OrchestratorOptions options, IServiceProvider appHost) : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _app = DashboardWebApplication.Create(access, appHost);
        await _app.StartAsync(cancellationToken);

        var console = new ConsoleReporter(options.Console);
        if (access.UnavailablePort is { } port)
        {
            console.Line("apphost", $"dashboard port {port} is in use (another AppHost?): the dashboard listens on {access.Url.Port} instead");
        }

        console.Line("apphost", $"Dashboard: {access.LoginUrl}");
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
