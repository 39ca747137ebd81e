using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Identity.Api.Apis;

/// <summary>
/// The page the code flow sends a browser to when nobody is signed in: email and password, then back to
/// <c>/connect/authorize</c>, which issues the code.
/// </summary>
public static class SignInPage
{
    public const string Path = "/account/signin";

    public static IEndpointRouteBuilder MapSignInPage(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, Show).ExcludeFromDescription();
        app.MapPost(Path, SignInAsync).ExcludeFromDescription().RequireRateLimiting(Extensions.Extensions.CredentialsLimit);
        return app;
    }

    public static ContentHttpResult Show(HttpContext context, IAntiforgery antiforgery, [FromQuery] string? returnUrl) =>
        Page(context, antiforgery, returnUrl, message: null, StatusCodes.Status200OK);

    public static async Task<IResult> SignInAsync(
        HttpContext context,
        IAntiforgery antiforgery,
        SignInManager<IdentityUser> signIn,
        [FromForm] string? email,
        [FromForm] string? password,
        [FromForm] string? returnUrl)
    {
        var user = await signIn.UserManager.FindByEmailAsync(email ?? "");
        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, password ?? "", isPersistent: false, lockoutOnFailure: true);

        if (result.Succeeded)
        {
            return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
        }

        var message = result.IsLockedOut
            ? "The account is locked after too many wrong passwords; try again later."
            : "The email or password is wrong.";
        return Page(context, antiforgery, returnUrl, message, StatusCodes.Status401Unauthorized);
    }

    private static bool IsLocal(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));

    private static ContentHttpResult Page(HttpContext context, IAntiforgery antiforgery, string? returnUrl, string? message, int status)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var error = message is null ? "" : $"<p role=\"alert\">{WebUtility.HtmlEncode(message)}</p>";
        var html = $"""
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Sign in · Airline</title></head>
            <body>
              <h1>Sign in</h1>
              {error}
              <form method="post" action="{Path}">
                <input type="hidden" name="{tokens.FormFieldName}" value="{WebUtility.HtmlEncode(tokens.RequestToken)}">
                <input type="hidden" name="returnUrl" value="{WebUtility.HtmlEncode(returnUrl ?? "")}">
                <label>Email <input type="email" name="email" autocomplete="username" required></label>
                <label>Password <input type="password" name="password" autocomplete="current-password" required></label>
                <button type="submit">Sign in</button>
              </form>
            </body>
            </html>
            """;
        return TypedResults.Content(html, "text/html; charset=utf-8", statusCode: status);
    }
}
