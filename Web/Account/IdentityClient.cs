using System.Net;
using Web.Gateway;

namespace Web.Account;

/// <summary>The identity service's account API: sign-up.</summary>
public sealed class IdentityClient(HttpClient http)
{
    /// <summary>Creates a customer account; null when it was created, otherwise what the identity service objected to.</summary>
    public async Task<ApiProblem?> RegisterAsync(string email, string password, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("/account/register", new { email, password }, ApiJson.Options, cancellationToken);
        return response.StatusCode == HttpStatusCode.Created ? null : await ApiProblem.ReadAsync(response, cancellationToken);
    }
}
