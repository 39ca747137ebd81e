using System.Reflection;
using Airline.TestSupport;
using Xunit.Abstractions;

namespace Web.Tests;

/// <summary>
/// The customer web app in a real browser: headless Debian Chromium driven by playwright-core (Browser/drive-web.mjs),
/// against the whole system the testing builder starts. Needs /usr/bin/chromium (apt-get install chromium) and node;
/// installs playwright-core and axe-core (WCAG checks) with npm ci when missing. Screenshots of every step are kept in tests/Web.Tests/artifacts/.
/// </summary>
[Collection("system")]
public sealed class BrowserTests(SystemFixture system, ITestOutputHelper output)
{
    private const string Chromium = "/usr/bin/chromium";
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    private static readonly string ProjectDirectory = typeof(BrowserTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "WebTestsDirectory").Value!;

    private static string BrowserDirectory => Path.Combine(ProjectDirectory, "Browser");

    private static NodeScripts Node => new(BrowserDirectory, Limit);

    private static string Artifacts => Path.Combine(ProjectDirectory, "artifacts");

    [Fact]
    public async Task A_new_traveller_signs_up_and_in_holds_and_confirms_two_adjacent_seats_sees_them_in_my_trips_changes_a_seat_then_its_flight_and_cancels_the_other() =>
        await DriveAsync("journey");

    [Fact]
    public async Task A_seat_another_traveller_books_turns_unavailable_on_an_open_seat_map_without_a_reload() =>
        await DriveAsync("live-seat-map");

    [Fact]
    public async Task Seats_are_picked_held_and_confirmed_with_the_keyboard_only() =>
        await DriveAsync("keyboard");

    private async Task DriveAsync(string scenario)
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: the browser tests need Debian's Chromium (apt-get install -y chromium).");
        await InstallPlaywrightAsync();
        var artifacts = Path.Combine(Artifacts, scenario);
        Directory.CreateDirectory(artifacts);

        var (exitCode, said) = await Node.RunAsync("node", ["drive-web.mjs"], new Dictionary<string, string>
        {
            ["SCENARIO"] = scenario,
            ["WEB_URL"] = system.WebUrl.ToString().TrimEnd('/'),
            ["DATE"] = SystemFixture.Date,
            ["ARTIFACTS"] = artifacts,
        });

        output.WriteLine(said);
        Assert.True(exitCode == 0,
            $"The browser script failed (screenshot: {Path.Combine(artifacts, "failure.png")}):{Environment.NewLine}{said}" +
            $"{Environment.NewLine}The system said:{Environment.NewLine}{system.Output.Tail(80)}");
    }

    private static async Task InstallPlaywrightAsync()
    {
        var (exitCode, said) = await Node.InstallAsync("playwright-core", "axe-core");
        Assert.True(exitCode == 0, $"npm ci in {BrowserDirectory} failed (the browser tests need node 20+ and npm):{Environment.NewLine}{said}");
    }
}
