using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Web.Account;

/// <summary>
/// Renews the access token kept in the session cookie with the refresh token when it is about to expire, and
/// ends the session when the identity service no longer accepts the refresh token.
/// </summary>
internal sealed partial class TokenRefresher(
    IOptionsMonitor<OpenIdConnectOptions> oidcOptions,
    TimeProvider time,
    ILogger<TokenRefresher> logger)
{
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(1);

    public async Task RefreshWhenDueAsync(CookieValidatePrincipalContext context)
    {
        var expiresAt = context.Properties.GetTokenValue("expires_at");
        if (!DateTimeOffset.TryParse(expiresAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var expiry)
            || expiry - time.GetUtcNow() > Margin
            // An interactive component's connection has answered already; it cannot take a new cookie.
            || context.HttpContext.Response.HasStarted)
        {
            return;
        }

        if (context.Properties.GetTokenValue("refresh_token") is not { } refreshToken)
        {
            context.RejectPrincipal();
            return;
        }

        var options = oidcOptions.Get(OpenIdConnectDefaults.AuthenticationScheme);
        var cancellationToken = context.HttpContext.RequestAborted;
        var configuration = await options.ConfigurationManager!.GetConfigurationAsync(cancellationToken);
        using var response = await options.Backchannel.PostAsync(configuration.TokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = options.ClientId!,
            ["refresh_token"] = refreshToken,
        }), cancellationToken);

        if (response.StatusCode is System.Net.HttpStatusCode.BadRequest or System.Net.HttpStatusCode.Unauthorized)
        {
            var reply = await response.Content.ReadAsStringAsync(cancellationToken);
            LogRefreshRefused(logger, reply);
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }

        if (!response.IsSuccessStatusCode)
        {
            // The identity service is unavailable: keep the session; a call with the old token says so in words.
            return;
        }

        var message = new OpenIdConnectMessage(await response.Content.ReadAsStringAsync(cancellationToken));
        var lifetime = int.Parse(message.ExpiresIn, CultureInfo.InvariantCulture);
        context.Properties.StoreTokens(
        [
            new AuthenticationToken { Name = "access_token", Value = message.AccessToken },
            new AuthenticationToken { Name = "refresh_token", Value = message.RefreshToken ?? refreshToken },
            new AuthenticationToken { Name = "id_token", Value = message.IdToken ?? context.Properties.GetTokenValue("id_token") ?? "" },
            new AuthenticationToken { Name = "token_type", Value = message.TokenType },
            new AuthenticationToken
            {
                Name = "expires_at",
                Value = time.GetUtcNow().AddSeconds(lifetime).ToString("o", CultureInfo.InvariantCulture),
            },
        ]);
        context.ShouldRenew = true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The identity service refused to refresh a session's token; the session ends: {Reply}")]
    private static partial void LogRefreshRefused(ILogger logger, string reply);
}
