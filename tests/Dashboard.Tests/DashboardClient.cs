using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Airline.Hosting.Dashboard;

namespace Dashboard.Tests;

/// <summary>An HttpClient logged in to the dashboard the way a browser is: the login URL's token, then the session cookie.</summary>
internal static class DashboardClient
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static async Task<HttpClient> LogInAsync(DashboardAccess dashboard)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = dashboard.Url };
        using var login = await client.GetAsync(dashboard.LoginUrl);
        login.EnsureSuccessStatusCode();
        return client;
    }

    public static async Task<T> GetAsync<T>(this HttpClient client, string path) =>
        (await client.GetFromJsonAsync<T>(path, Json))!;

    /// <summary>Asks until <paramref name="done"/> holds; telemetry arrives a moment after it is made.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(250);
        }
    }
}
