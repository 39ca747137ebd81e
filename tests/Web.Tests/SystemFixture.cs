using System.Globalization;
using Airline.TestSupport;

namespace Web.Tests;

/// <summary>The whole system as the AppHost models it, started once, warm, for the browser tests.</summary>
public sealed class SystemFixture : IAsyncLifetime
{
    private DistributedApplication? _app;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("Not started.");

    /// <summary>The day searched for: tomorrow (UTC), so every demo flight of that day is still to depart.</summary>
    public static string Date => DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The AppHost's console; a test hands what was said during it to its output with <c>During</c>.</summary>
    public CapturedOutput Output { get; } = new();

    public Uri WebUrl { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _app = await TestApplication.StartAsync<Projects.AppHost>(resource: "web", output: Output);
        using var web = _app.CreateHttpClient("web");
        WebUrl = web.BaseAddress!;
        await WarmUpAsync(web);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    /// <summary>One search through every service, until it answers, so the first browser step does not meet cold services.</summary>
    private static async Task WarmUpAsync(HttpClient web)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            var page = await web.GetStringAsync($"/?origin=LAX&destination=DCA&date={Date}&passengers=2");
            if (page.Contains("Choose seats on AA2532", StringComparison.Ordinal))
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"The web app's search did not find AA2532 within a minute; it answered:{Environment.NewLine}{page}");
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }
}

[CollectionDefinition("system")]
public sealed class SystemCollection : ICollectionFixture<SystemFixture>;
