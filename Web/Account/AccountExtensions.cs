using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace Web.Account;

internal static class AccountExtensions
{
    public const string WebClientId = "airline-web";

    /// <summary>The identity service, found through service discovery (<c>services__identity__http__0</c>).</summary>
    public const string IdentityServiceUrl = "http://identity";

    public const string IdentityClientName = "identity";

    /// <summary>
    /// Sign-in with the identity service's authorization code flow and PKCE. The tokens are kept in the encrypted
    /// session cookie (the browser never sees them in clear) and the access token is refreshed before it expires.
    /// </summary>
    public static void AddAccount(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddSingleton<TokenRefresher>();
        builder.Services.AddHttpClient(IdentityClientName, client => client.BaseAddress = new Uri(IdentityServiceUrl));
        builder.Services.AddHttpClient<IdentityClient>(client => client.BaseAddress = new Uri(IdentityServiceUrl));

        builder.Services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                options.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie()
            .AddOpenIdConnect();

        builder.Services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<TokenRefresher>((options, refresher) =>
            {
                options.Cookie.Name = "airline.session";
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.Events.OnValidatePrincipal = refresher.RefreshWhenDueAsync;
            });

        builder.Services.AddOptions<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme)
            .Configure<IHttpClientFactory>((options, clients) =>
            {
                var authority = new Uri(builder.Configuration["Identity:Authority"] ?? IdentityServiceUrl);
                options.Authority = authority.AbsoluteUri;
                options.Backchannel = clients.CreateClient(IdentityClientName);
                options.ConfigurationManager = PublicBrowserEndpoints.ConfigurationManager(
                    authority, builder.Configuration["Identity:Issuer"] is { Length: > 0 } issuer ? new Uri(issuer) : null, options.Backchannel);
                // Inside the system the services speak plain HTTP; TLS ends at the ingress.
                options.RequireHttpsMetadata = false;
                options.ClientId = WebClientId;
                options.ResponseType = "code";
                options.UsePkce = true;
                options.Scope.Clear();
                foreach (var scope in (string[])["openid", "offline_access", AirlineScopes.Reservations])
                {
                    options.Scope.Add(scope);
                }

                options.SaveTokens = true;
                options.MapInboundClaims = false;
                options.GetClaimsFromUserInfoEndpoint = false;
                options.TokenValidationParameters.NameClaimType = AirlineScopes.SubjectClaim;
                options.SignedOutRedirectUri = "/";
                // The identity service and this app share a site (a host, or a domain behind one ingress): Lax suffices.
                options.CorrelationCookie.SameSite = SameSiteMode.Lax;
                options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.NonceCookie.SameSite = SameSiteMode.Lax;
                options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            });

        builder.Services.AddAuthorization();
    }
}
