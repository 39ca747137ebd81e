using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Airline.TestSupport.Identity;

/// <summary>A registered customer and an access token of theirs.</summary>
public sealed record Customer(string UserId, string Email, string Password, string AccessToken)
{
    public AuthenticationHeaderValue Authorization => new("Bearer", AccessToken);
}

/// <summary>Registration and sign-in over HTTP against a running identity service, as the README's curl lines do.</summary>
public static class Customers
{
    public const string Password = "Seat-Holder-42";

    public static async Task<Customer> SignUpAsync(HttpClient identity, string? email = null)
    {
        email ??= $"customer-{Guid.NewGuid():N}@example.com";
        using var registered = await identity.PostAsJsonAsync("/account/register", new { email, password = Password });
        if (!registered.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Registering {email} answered {(int)registered.StatusCode}: {await registered.Content.ReadAsStringAsync()}");
        }

        var account = await registered.Content.ReadFromJsonAsync<JsonElement>();
        return new Customer(account.GetProperty("user_id").GetString()!, email, Password, await SignInAsync(identity, email, Password));
    }

    /// <summary>The password grant of the first-party client <c>airline-cli</c>: the access token.</summary>
    public static async Task<string> SignInAsync(HttpClient identity, string email, string password)
    {
        using var response = await RequestTokenAsync(identity, email, password);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Signing in {email} answered {(int)response.StatusCode}: {body}");
        }

        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    public static Task<HttpResponseMessage> RequestTokenAsync(HttpClient identity, string email, string password) =>
        identity.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = "airline-cli",
            ["username"] = email,
            ["password"] = password,
            ["scope"] = "reservations offline_access",
        }));
}
