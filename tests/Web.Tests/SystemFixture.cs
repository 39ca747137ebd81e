using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Airline.TestSupport;

namespace Web.Tests;

/// <summary>The whole system as the AppHost models it, started once through Aspire's testing builder, warm, for the browser tests.</summary>
public sealed class SystemFixture : IAsyncLifetime
{
    private TestApplication? _system;

    public DistributedApplication App => _system?.App ?? throw new InvalidOperationException("Not started.");

    /// <summary>The day searched for: tomorrow (UTC), so every demo flight of that day is still to depart.</summary>
    public static string Date => DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The AppHost's console; a test hands what was said during it to its output with <c>During</c>.</summary>
    public CapturedOutput Output { get; } = new();

    public Uri WebUrl { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _system = await TestApplication.StartAsync<Projects.AppHost>(resource: "web", output: Output);
        // Plain clients: the warm-up retries on its own, once a second, until each step answers.
        using var web = new HttpClient { BaseAddress = App.GetEndpoint("web", "http") };
        using var identity = new HttpClient { BaseAddress = App.GetEndpoint("identity", "http") };
        WebUrl = web.BaseAddress!;
        await WarmUpAsync(web, identity);
    }

    public async Task DisposeAsync()
    {
        if (_system is not null)
        {
            await _system.DisposeAsync();
        }
    }

    /// <summary>
    /// One search through every service, a sign-up and the sign-in redirect (which fetches the identity service's
    /// metadata), each until it answers, so the browser does not meet services that are still cold.
    /// </summary>
    private static async Task WarmUpAsync(HttpClient web, HttpClient identity)
    {
        await UntilAsync("the search finds AA2532", async () =>
            (await web.GetStringAsync($"/?origin=LAX&destination=DCA&date={Date}&passengers=2")).Contains("Choose seats on AA2532", StringComparison.Ordinal));
        await UntilAsync("a sign-up is accepted", async () =>
        {
            using var response = await identity.PostAsJsonAsync("/account/register",
                new { email = $"warm-up-{Guid.NewGuid():N}@example.com", password = "Warm-up#2026" });
            return response.StatusCode == HttpStatusCode.Created;
        });
        using var withoutRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = web.BaseAddress };
        await UntilAsync("sign-in redirects to the identity service", async () =>
        {
            using var response = await withoutRedirects.GetAsync("/signin");
            return response.StatusCode == HttpStatusCode.Redirect;
        });
    }

    private static async Task UntilAsync(string what, Func<Task<bool>> attempt)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (!await SucceedsAsync(attempt))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"The system is not warm: within a minute, never {what}.");
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    private static async Task<bool> SucceedsAsync(Func<Task<bool>> attempt)
    {
        try
        {
            return await attempt();
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}

[CollectionDefinition("system")]
public sealed class SystemCollection : ICollectionFixture<SystemFixture>;
