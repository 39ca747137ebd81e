using System.Net;
using Polly.Timeout;
using Web.Gateway;

namespace Web.Account;

/// <summary>The identity service's account API: sign-up.</summary>
public sealed class IdentityClient(HttpClient http)
{
    /// <summary>Creates a customer account; null when it was created, otherwise what the identity service objected to.</summary>
    public async Task<ApiProblem?> RegisterAsync(string email, string password, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.PostAsJsonAsync("/account/register", new { email, password }, ApiJson.Options, cancellationToken);
            return response.StatusCode == HttpStatusCode.Created ? null : await ApiProblem.ReadAsync(response, cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or TimeoutRejectedException)
        {
            // The account may have been created before the answer was lost: a second try then says the email is taken.
            return new ApiProblem(StatusCodes.Status503ServiceUnavailable, "The account service did not answer in time.",
                "Try again in a moment; if it then says the email is taken, your account exists: sign in.");
        }
    }
}
