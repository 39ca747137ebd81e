using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace Gateway.Authentication;

/// <summary>
/// The gateway's own access token (client credentials, scope <c>reservations.all</c>), fetched from the identity
/// service and reused until a minute before it expires.
/// </summary>
public sealed class GatewayTokenClient(HttpClient http, IOptions<GatewayClientOptions> options, GatewayTokenCache cache, TimeProvider time)
{
    private static readonly TimeSpan RenewBeforeExpiry = TimeSpan.FromMinutes(1);

    public async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (cache.Current is { } current && time.GetUtcNow() < current.RenewAt)
        {
            return current.Token;
        }

        await cache.Renewal.WaitAsync(cancellationToken);
        try
        {
            if (cache.Current is { } renewed && time.GetUtcNow() < renewed.RenewAt)
            {
                return renewed.Token;
            }

            var token = await RequestAsync(cancellationToken);
            cache.Current = (token.AccessToken, time.GetUtcNow() + TimeSpan.FromSeconds(token.ExpiresIn) - RenewBeforeExpiry);
            return token.AccessToken;
        }
        finally
        {
            cache.Renewal.Release();
        }
    }

    private async Task<TokenResponse> RequestAsync(CancellationToken cancellationToken)
    {
        var secret = options.Value.ClientSecret
                     ?? throw new InvalidOperationException(
                         $"{GatewayClientOptions.SectionName}:{nameof(GatewayClientOptions.ClientSecret)} is not configured: the AppHost gives it " +
                         "to the gateway (Identity__ClientSecret); it must equal the identity service's Identity:GatewayClientSecret.");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = options.Value.ClientId,
            ["client_secret"] = secret,
            ["scope"] = AirlineScopes.AllReservations,
        });

        HttpResponseMessage response;
        try
        {
            response = await http.PostAsync(new Uri("/connect/token", UriKind.Relative), form, cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or Polly.ExecutionRejectedException
                                          || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new DependencyUnavailableException("Identity.Api", exception);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new DependencyUnavailableException("Identity.Api",
                    new HttpRequestException($"The gateway's client credentials were refused with {(int)response.StatusCode}.", null, response.StatusCode));
            }

            return await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken)
                   ?? throw new DependencyUnavailableException("Identity.Api");
        }
    }

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);
}

/// <summary>The gateway's current token, shared by every <see cref="GatewayTokenClient"/> of the process.</summary>
public sealed class GatewayTokenCache : IDisposable
{
    public SemaphoreSlim Renewal { get; } = new(1, 1);

    public (string Token, DateTimeOffset RenewAt)? Current { get; set; }

    public void Dispose() => Renewal.Dispose();
}
