using Identity.Api.Apis;
using Identity.Api.Data;
using Identity.Api.Tokens;

namespace Identity.Api.Extensions;

internal static class TokenServerExtensions
{
    /// <summary>
    /// OpenIddict as the OpenID Connect server: signed (not encrypted) JWT access tokens the APIs validate with
    /// the published keys, refresh tokens, the password grant for <c>airline-cli</c>, the code flow with PKCE for
    /// browser apps and client credentials for the gateway.
    /// </summary>
    public static void AddTokenServer(this IHostApplicationBuilder builder, IdentitySettings settings)
    {
        var development = builder.Environment.IsDevelopment();

        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<IdentityContext>())
            .AddServer(server =>
            {
                server.SetAuthorizationEndpointUris(ConnectApi.AuthorizePath)
                    .SetTokenEndpointUris(ConnectApi.TokenPath)
                    .SetEndSessionEndpointUris(ConnectApi.EndSessionPath);

                server.AllowPasswordFlow()
                    .AllowAuthorizationCodeFlow()
                    .RequireProofKeyForCodeExchange()
                    .AllowRefreshTokenFlow()
                    .AllowClientCredentialsFlow();

                server.RegisterScopes(AirlineScopes.Reservations, AirlineScopes.AllReservations,
                    OpenIddict.Abstractions.OpenIddictConstants.Scopes.OfflineAccess);

                server.SetAccessTokenLifetime(settings.AccessTokenLifetime)
                    .SetRefreshTokenLifetime(settings.RefreshTokenLifetime);

                if (settings.Issuer is { } issuer)
                {
                    server.SetIssuer(issuer);
                }

                AddKeys(server, settings, development);
                server.DisableAccessTokenEncryption();

                // TLS ends at the ingress in the cluster and there is none on loopback in run mode.
                server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .DisableTransportSecurityRequirement();
            });
    }

    private static void AddKeys(OpenIddictServerBuilder server, IdentitySettings settings, bool development)
    {
        if (settings.SigningKey is { Length: > 0 } signingKey)
        {
            server.AddSigningKey(TokenKeys.Signing(signingKey));
        }
        else if (development)
        {
            server.AddEphemeralSigningKey();
        }
        else
        {
            throw new InvalidOperationException(TokenKeys.Missing(nameof(IdentitySettings.SigningKey)));
        }

        if (settings.EncryptionKey is { Length: > 0 } encryptionKey)
        {
            server.AddEncryptionKey(TokenKeys.Encryption(encryptionKey));
        }
        else if (development)
        {
            server.AddEphemeralEncryptionKey();
        }
        else
        {
            throw new InvalidOperationException(TokenKeys.Missing(nameof(IdentitySettings.EncryptionKey)));
        }
    }
}
