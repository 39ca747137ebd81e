using System.Net.Http.Json;
using System.Text.Json;

namespace PublicPaths;

/// <summary>The customer the benchmark books as: registered once, with a fresh access token (15 minutes) per measured path.</summary>
internal sealed class BenchCustomer(HttpClient identity, string userId, string email)
{
    private const string Password = "Bench-Customer-42";

    public string UserId => userId;

    public static async Task<BenchCustomer> RegisterAsync(Uri identityUrl)
    {
        var identity = new HttpClient { BaseAddress = identityUrl };
        var email = $"bench-{Guid.NewGuid():N}@example.com";
        using var registered = await identity.PostAsJsonAsync("/account/register", new { email, password = Password });
        registered.EnsureSuccessStatusCode();
        var account = await registered.Content.ReadFromJsonAsync<JsonElement>();
        return new BenchCustomer(identity, account.GetProperty("user_id").GetString()!, email);
    }

    public async Task<string> AccessTokenAsync()
    {
        using var response = await identity.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = "airline-cli",
            ["username"] = email,
            ["password"] = Password,
            ["scope"] = "reservations",
        }));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }
}
