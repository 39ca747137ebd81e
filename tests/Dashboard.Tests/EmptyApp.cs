using Airline.Hosting.Dashboard;

namespace Dashboard.Tests;

/// <summary>An AppHost with no resources, run as tests run one: only its dashboard does anything.</summary>
public sealed class EmptyApp : IAsyncLifetime
{
    private DistributedApplication? _app;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("Not started.");

    public DashboardAccess Dashboard => App.Dashboard;

    public async Task InitializeAsync()
    {
        _app = Builder().Build();
        try
        {
            await _app.StartAsync();
        }
        catch
        {
            await _app.DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    /// <summary>A builder for such an application, to add resources to; <paramref name="console"/> gets what the AppHost prints.</summary>
    public static IDistributedApplicationBuilder Builder(TextWriter? console = null) =>
        new DistributedApplicationBuilder(new DistributedApplicationOptions
        {
            Args = ["--runtime", "local"],
            AppHostAssembly = typeof(EmptyApp).Assembly,
            AppHostDirectory = Path.GetTempPath(),
            StateDirectory = Path.Combine(Path.GetTempPath(), "airline-dashboard-tests", Guid.NewGuid().ToString("N")),
            KeepSecrets = false,
            Console = console ?? TextWriter.Null,
            DefaultDashboardPort = 0,
        });
}
