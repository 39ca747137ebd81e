using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;

namespace Web.Account;

/// <summary>Sign-in sends the browser to the identity service; sign-out ends the session here.</summary>
public static class AccountEndpoints
{
    public const string SignInPath = "/signin";
    public const string SignOutPath = "/signout";

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(SignInPath, SignIn).AllowAnonymous();
        app.MapPost(SignOutPath, (Delegate)SignOutAsync).RequireAuthorization();
        return app;
    }

    public static IResult SignIn([FromQuery] string? returnUrl) =>
        TypedResults.Challenge(new AuthenticationProperties { RedirectUri = LocalOrHome(returnUrl) });

    public static async Task<IResult> SignOutAsync(HttpContext context)
    {
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.LocalRedirect("/");
    }

    public static string LocalOrHome(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) ? url : "/";
}
