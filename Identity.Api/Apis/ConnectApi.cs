using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Identity.Api.Apis;

/// <summary>
/// The OpenID Connect endpoints OpenIddict passes through to us once it has validated the request:
/// <c>/connect/token</c> (password, authorization code, refresh token, client credentials), <c>/connect/authorize</c> and
/// <c>/connect/endsession</c>.
/// </summary>
public static class ConnectApi
{
    public const string TokenPath = "/connect/token";
    public const string AuthorizePath = "/connect/authorize";
    public const string EndSessionPath = "/connect/endsession";

    private const string WrongCredentials = "The email or password is wrong.";

    public static IEndpointRouteBuilder MapConnectApi(this IEndpointRouteBuilder app)
    {
        app.MapPost(TokenPath, ExchangeAsync).DisableAntiforgery().ExcludeFromDescription().RequireRateLimiting(Extensions.Extensions.CredentialsLimit);
        app.MapMethods(AuthorizePath, [HttpMethods.Get, HttpMethods.Post], AuthorizeAsync).DisableAntiforgery().ExcludeFromDescription();
        app.MapMethods(EndSessionPath, [HttpMethods.Get, HttpMethods.Post], EndSessionAsync).DisableAntiforgery().ExcludeFromDescription();
        return app;
    }

    public static async Task<IResult> ExchangeAsync(
        HttpContext context,
        UserManager<IdentityUser> users,
        SignInManager<IdentityUser> signIn,
        IOpenIddictScopeManager scopes)
    {
        var request = context.GetOpenIddictServerRequest()
                      ?? throw new InvalidOperationException("OpenIddict passed on a request it did not parse.");

        if (request.IsPasswordGrantType())
        {
            var user = await users.FindByEmailAsync(request.Username ?? "");
            if (user is null)
            {
                return InvalidGrant(WrongCredentials);
            }

            var result = await signIn.CheckPasswordSignInAsync(user, request.Password ?? "", lockoutOnFailure: true);
            if (result.IsLockedOut)
            {
                return InvalidGrant("The account is locked after too many wrong passwords; try again later.");
            }

            return result.Succeeded
                ? SignIn(await CustomerAsync(user, request.GetScopes(), users, scopes))
                : InvalidGrant(WrongCredentials);
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var granted = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            var user = await users.FindByIdAsync(granted.Principal?.GetClaim(Claims.Subject) ?? "");
            if (user is null || !await signIn.CanSignInAsync(user) || await users.IsLockedOutAsync(user))
            {
                return InvalidGrant("The account can no longer sign in.");
            }

            return SignIn(await CustomerAsync(user, granted.Principal!.GetScopes(), users, scopes));
        }

        if (request.IsClientCredentialsGrantType())
        {
            var identity = NewIdentity();
            identity.SetClaim(Claims.Subject, request.ClientId);
            return SignIn(await WithScopesAsync(identity, request.GetScopes(), scopes));
        }

        return InvalidGrant("The grant type is not supported.");
    }

    /// <summary>Issues an authorization code to the signed-in customer; anyone else is sent to the sign-in page first.</summary>
    public static async Task<IResult> AuthorizeAsync(
        HttpContext context,
        UserManager<IdentityUser> users,
        IOpenIddictScopeManager scopes)
    {
        var request = context.GetOpenIddictServerRequest()
                      ?? throw new InvalidOperationException("OpenIddict passed on a request it did not parse.");

        var session = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (session.Principal is null || await users.GetUserAsync(session.Principal) is not { } user)
        {
            var parameters = context.Request.HasFormContentType
                ? QueryString.Create(context.Request.Form.Select(field => KeyValuePair.Create(field.Key, field.Value)))
                : context.Request.QueryString;
            return Results.Challenge(
                new AuthenticationProperties { RedirectUri = context.Request.PathBase + context.Request.Path + parameters },
                [IdentityConstants.ApplicationScheme]);
        }

        return SignIn(await CustomerAsync(user, request.GetScopes(), users, scopes));
    }

    /// <summary>
    /// Ends the browser's session here, so the next sign-in asks for the password again, and sends it back to the
    /// client's registered post-logout address (OpenIddict has checked it).
    /// </summary>
    public static async Task EndSessionAsync(HttpContext context)
    {
        await context.SignOutAsync(IdentityConstants.ApplicationScheme);
        await context.SignOutAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, new AuthenticationProperties { RedirectUri = "/" });
    }

    /// <summary>The customer as the access token describes them: <c>sub</c> their id, their roles, the granted scopes.</summary>
    private static async Task<ClaimsPrincipal> CustomerAsync(
        IdentityUser user, IEnumerable<string> requestedScopes, UserManager<IdentityUser> users, IOpenIddictScopeManager scopes)
    {
        var identity = NewIdentity();
        identity.SetClaim(Claims.Subject, user.Id)
            .SetClaims(Claims.Role, [.. await users.GetRolesAsync(user)]);
        return await WithScopesAsync(identity, requestedScopes, scopes);
    }

    /// <summary>The scopes, and as audiences the APIs those scopes are for; every claim goes into the access token only.</summary>
    private static async Task<ClaimsPrincipal> WithScopesAsync(ClaimsIdentity identity, IEnumerable<string> requestedScopes, IOpenIddictScopeManager scopes)
    {
        identity.SetScopes(requestedScopes);
        identity.SetResources(await scopes.ListResourcesAsync(identity.GetScopes()).ToListAsync());
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        return new ClaimsPrincipal(identity);
    }

    private static ClaimsIdentity NewIdentity() =>
        new(TokenValidationParameters.DefaultAuthenticationType, Claims.Subject, Claims.Role);

    private static IResult SignIn(ClaimsPrincipal principal) =>
        Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);

    private static IResult InvalidGrant(string description) =>
        Results.Forbid(
            new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InvalidGrant,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
            }),
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
