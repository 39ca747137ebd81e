using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;

namespace Web.Account;

/// <summary>Sign-in sends the browser to the identity service; sign-out ends the session here and there.</summary>
public static class AccountEndpoints
{
    public const string SignInPath = "/signin";
    public const string SignOutPath = "/signout";

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(SignInPath, SignIn).AllowAnonymous();
        app.MapPost(SignOutPath, SignOut).RequireAuthorization();
        return app;
    }

    public static IResult SignIn([FromQuery] string? returnUrl) =>
        TypedResults.Challenge(new AuthenticationProperties { RedirectUri = LocalOrHome(returnUrl) });

    public static IResult SignOut() =>
        TypedResults.SignOut(
            new AuthenticationProperties { RedirectUri = "/" },
            [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]);

    public static string LocalOrHome(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) ? url : "/";
}
