using Airline.Hosting.Orchestration;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace Airline.Hosting.Dashboard;

/// <summary>
/// Runs the dashboard while the AppHost runs. It starts before the orchestrator (so the OTLP receiver
/// listens before the first project exports) and stops after it (so the page sees everything stop).
/// </summary>
internal sealed class DashboardHost(
    DashboardAccess access,
    OrchestratorOptions options,
    IHostApplicationLifetime lifetime,
    IServiceProvider appHost) : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;
    private CancellationTokenRegistration _started;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _app = DashboardWebApplication.Create(access, appHost);
        await _app.StartAsync(cancellationToken);

        var console = new ConsoleReporter(options.Console);
        if (access.UnavailablePorts.Count > 0)
        {
            console.Line("apphost", $"port {string.Join(" and ", access.UnavailablePorts)} in use (another AppHost?): " +
                $"the dashboard listens on {access.Url.Port}, its OTLP/gRPC receiver on {access.OtlpGrpcUrl.Port}");
        }

        console.Line("apphost", $"Dashboard: {access.LoginUrl}");

        // Said again once everything has started, when the first line has scrolled away under the resources' output.
        _started = lifetime.ApplicationStarted.Register(() => console.Line("apphost", $"Dashboard: {access.LoginUrl}"));
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
        await _started.DisposeAsync();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
