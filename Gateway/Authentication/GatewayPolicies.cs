using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gateway.Authentication;

public static class GatewayPolicies
{
    /// <summary>A customer's (or agent's) token granted scope <c>reservations</c>.</summary>
    public const string Customer = "customer";

    /// <summary>The rate limit of booking, cancelling and listing one's reservations, per customer.</summary>
    public const string BookingLimit = "booking";

    /// <summary>
    /// Tokens for the gateway's audience; the caller's token is passed on to Reservations.Api, except on the
    /// per-flight listing, which goes with the gateway's own client-credentials token.
    /// </summary>
    public static void AddGatewayAuthorization(this IHostApplicationBuilder builder)
    {
        builder.AddDefaultAuthentication(AirlineScopes.GatewayAudience);
        builder.AddDefaultCors();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Customer, policy => policy.RequireScope(AirlineScopes.Reservations));

        builder.Services.AddHttpContextAccessor();
        builder.Services.Configure<GatewayClientOptions>(builder.Configuration.GetSection(GatewayClientOptions.SectionName));
        builder.Services.AddSingleton<GatewayTokenCache>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHttpClient<GatewayTokenClient>(client => client.BaseAddress = new Uri(AuthenticationExtensions.IdentityServiceUrl));
        builder.Services.AddTransient<AccessTokenHandler>();
        builder.Services.AddHostedService<GatewayTokenWarmup>();
        builder.Services.AddHealthChecks().AddCheck<GatewayTokenHealthCheck>("gateway-token", tags: ["ready"]);

        // Generous: a person books a few seats a minute; `make bench` does not book.
        builder.AddDefaultRateLimiting(new Dictionary<string, RateLimit> { [BookingLimit] = new(PermitLimit: 120, Window: TimeSpan.FromMinutes(1)) });
    }
}
