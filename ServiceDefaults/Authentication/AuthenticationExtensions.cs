using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.IdentityModel.Tokens;

namespace Microsoft.Extensions.Hosting;

public static class AuthenticationExtensions
{
    /// <summary>The identity service, found through service discovery (<c>services__identity__http__0</c>).</summary>
    public const string IdentityServiceUrl = "http://identity";

    private const string MetadataClientName = "identity-metadata";

    /// <summary>
    /// Validates the identity service's JWT access tokens for <paramref name="audience"/> in this service: the signing keys
    /// come from the identity service's discovery document (fetched once and cached, refreshed when an unknown key
    /// appears), so a token is checked locally, and once per token (<see cref="ValidatedTokenCache"/>). Claims keep their
    /// JWT names (<c>sub</c>, <c>role</c>, <c>scope</c>).
    /// </summary>
    public static TBuilder AddDefaultAuthentication<TBuilder>(this TBuilder builder, string audience) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHttpClient(MetadataClientName);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ValidatedTokenCache>();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IHttpClientFactory, ValidatedTokenCache>((options, clients, tokens) =>
            {
                options.Authority = builder.Configuration["Identity:Authority"] ?? IdentityServiceUrl;
                options.Audience = audience;
                options.Backchannel = clients.CreateClient(MetadataClientName);
                // Inside the system the services speak plain HTTP; TLS ends at the ingress.
                options.RequireHttpsMetadata = false;
                options.TokenHandlers.Clear();
                options.TokenHandlers.Add(tokens);
                options.MapInboundClaims = false;
                options.TokenValidationParameters.NameClaimType = AirlineScopes.SubjectClaim;
                options.TokenValidationParameters.RoleClaimType = AirlineScopes.RoleClaim;
                options.TokenValidationParameters.ClockSkew = TimeSpan.FromSeconds(30);
                options.Events = new JwtBearerEvents { OnAuthenticationFailed = RefuseOrReportUnavailable };
            });

        builder.Services.AddAuthorization();
        builder.Services.AddHostedService<IdentityMetadataWarmup>();
        return builder;
    }

    /// <summary>
    /// A token that fails validation is a 401; but while the identity service's keys cannot be fetched (never fetched
    /// since start-up, the identity service unreachable), the token could not be checked at all, so the request is
    /// answered 503 with Retry-After. The token handler swallows the failed fetch and reports a missing key instead,
    /// so the keys are asked for here once more (answered from the cache when they are known).
    /// </summary>
    private static async Task RefuseOrReportUnavailable(AuthenticationFailedContext context)
    {
        if (context.Exception is not (SecurityTokenException or ArgumentException))
        {
            throw new DependencyUnavailableException("Identity.Api", context.Exception);
        }

        if (context.Options.ConfigurationManager is { } keys)
        {
            try
            {
                await keys.GetConfigurationAsync(context.HttpContext.RequestAborted);
            }
            catch (Exception unavailable) when (unavailable is not OperationCanceledException)
            {
                throw new DependencyUnavailableException("Identity.Api", unavailable);
            }
        }
    }

    /// <summary>Requires an access token granted <paramref name="scope"/> (the <c>scope</c> claim lists the scopes space-separated).</summary>
    public static AuthorizationPolicyBuilder RequireScope(this AuthorizationPolicyBuilder policy, string scope) =>
        policy.RequireAuthenticatedUser().RequireAssertion(context => context.User.HasScope(scope));

    public static bool HasScope(this System.Security.Claims.ClaimsPrincipal user, string scope) =>
        user.FindAll(AirlineScopes.ScopeClaim).Any(claim => claim.Value.Split(' ').Contains(scope, StringComparer.Ordinal));

    /// <summary>The token's subject: the customer's id (or, for a client-credentials token, the client's).</summary>
    public static string? SubjectId(this System.Security.Claims.ClaimsPrincipal user) => user.FindFirst(AirlineScopes.SubjectClaim)?.Value;
}
