using System.Reflection;
using Airline.Hosting.Orchestration;
using Airline.TestSupport;

namespace Dashboard.Tests;

/// <summary>
/// The dashboard in a real browser: headless Debian Chromium driven by playwright-core (Browser/drive-dashboard.mjs).
/// Needs /usr/bin/chromium (apt-get install chromium) and node; installs playwright-core with npm ci when missing.
/// Screenshots are kept in tests/Dashboard.Tests/artifacts/.
/// </summary>
[Collection("system")]
public sealed class BrowserTests(SystemFixture system)
{
    private const string Chromium = "/usr/bin/chromium";
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    private static readonly string ProjectDirectory = typeof(BrowserTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "DashboardTestsDirectory").Value!;

    private static string BrowserDirectory => Path.Combine(ProjectDirectory, "Browser");

    private static NodeScripts Node => new(BrowserDirectory, Limit);

    private static string Artifacts => Path.Combine(ProjectDirectory, "artifacts");

    [Fact]
    public async Task A_person_logs_in_sees_everything_running_reads_logs_and_a_booking_trace_and_restarts_a_resource()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: the browser test needs Debian's Chromium (apt-get install -y chromium).");
        await InstallPlaywrightAsync();
        await Booking.BookAsync(system, "17C");
        Directory.CreateDirectory(Artifacts);

        var (exitCode, output) = await Node.RunAsync("node", ["drive-dashboard.mjs"], new Dictionary<string, string>
        {
            ["DASHBOARD_URL"] = system.App.Dashboard.Url.ToString(),
            ["DASHBOARD_LOGIN_URL"] = system.App.Dashboard.LoginUrl.ToString(),
            ["RESOURCES"] = string.Join(',', SystemFixture.Resources),
            ["RESTART"] = "reservations",
            ["ARTIFACTS"] = Artifacts,
        });

        Assert.True(exitCode == 0, $"The browser script failed (screenshot: {Path.Combine(Artifacts, "failure.png")}):{Environment.NewLine}{output}");
        Assert.True(File.Exists(Path.Combine(Artifacts, "07-trace-waterfall.png")));
        var reservations = system.App.ResourceNotifications.TryGetCurrentState("reservations")!;
        Assert.Equal((ResourceState.Running, 1), (reservations.State, reservations.Restarts));
    }

    private static async Task InstallPlaywrightAsync()
    {
        var (exitCode, said) = await Node.InstallAsync("playwright-core");
        Assert.True(exitCode == 0, $"npm ci in {BrowserDirectory} failed (the browser test needs node 20+ and npm):{Environment.NewLine}{said}");
    }
}
