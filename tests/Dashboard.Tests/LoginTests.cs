using System.Net;

namespace Dashboard.Tests;

/// <summary>Pages and their API need the session cookie that only the browser token's login URL sets.</summary>
public sealed class LoginTests(EmptyApp system) : IClassFixture<EmptyApp>
{
    [Fact]
    public async Task Without_the_cookie_pages_go_to_the_login_page_and_the_api_answers_401()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = system.Dashboard.Url };

        using var page = await client.GetAsync("/");
        using var api = await client.GetAsync("/api/resources");
        using var login = await client.GetAsync("/login");

        Assert.Equal((HttpStatusCode.Redirect, "/login"), (page.StatusCode, page.Headers.Location?.OriginalString));
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("browser token", await login.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_wrong_token_sets_no_cookie()
    {
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies }) { BaseAddress = system.Dashboard.Url };

        using var login = await client.GetAsync("/login?t=guessed");

        Assert.Equal((HttpStatusCode.Redirect, "/login?failed=1"), (login.StatusCode, login.Headers.Location?.OriginalString));
        Assert.Empty(cookies.GetCookies(system.Dashboard.Url));
    }

    [Fact]
    public async Task The_login_url_sets_an_http_only_strict_cookie_that_opens_pages_and_api()
    {
        using var client = await DashboardClient.LogInAsync(system.Dashboard);
        using var raw = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = system.Dashboard.Url };
        using var login = await raw.GetAsync(system.Dashboard.LoginUrl);

        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/resources")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/dashboard.js")).StatusCode);
    }

    [Fact]
    public async Task The_console_prints_the_login_url_at_start_and_again_once_everything_has_started()
    {
        using var console = new StringWriter();
        await using var app = EmptyApp.Builder(TextWriter.Synchronized(console)).Build();
        await app.StartAsync();

        var loginLines = console.ToString().Split(Environment.NewLine).Where(line => line.Contains("| Dashboard: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, loginLines.Count);
        Assert.All(loginLines, line => Assert.EndsWith($"apphost         | Dashboard: {app.Dashboard.LoginUrl}", line));
    }

    [Fact]
    public void The_dashboard_listens_on_loopback_only()
    {
        Assert.Equal("127.0.0.1", system.Dashboard.Url.Host);
        Assert.Equal($"{system.Dashboard.Url}login?t={system.Dashboard.BrowserToken}", system.Dashboard.LoginUrl.ToString());
    }
}
