using System.Security.Cryptography;
using System.Text;
using Airline.Hosting.Dashboard.Otlp;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Airline.Hosting.Dashboard.Authentication;

/// <summary>
/// Browser login: <c>/login?t=TOKEN</c> with the token the console printed sets a session cookie; every
/// page and API of the dashboard needs that cookie. Telemetry (OTLP/HTTP <c>/v1/*</c> and OTLP/gRPC) has its API key instead.
/// </summary>
internal static class BrowserSession
{
    private const string CookieName = "airline-dashboard-session";

    public static WebApplication UseBrowserSession(this WebApplication app, DashboardAccess access)
    {
        var session = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));

        app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            if (path.StartsWithSegments("/login") || path.StartsWithSegments("/v1") || OtlpGrpcApi.IsOtlpGrpcPath(path) || path == "/dashboard.css"
                || Matches(context.Request.Cookies[CookieName], session))
            {
                await next(context);
            }
            else if (path.StartsWithSegments("/api"))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            }
            else
            {
                context.Response.Redirect("/login");
            }
        });

        app.MapGet("/login", (HttpContext context, string? t) =>
        {
            if (t is null)
            {
                return StaticAssets.Page("login.html");
            }

            if (!Matches(t, access.BrowserToken))
            {
                return Results.Redirect("/login?failed=1");
            }

            context.Response.Cookies.Append(CookieName, session, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Path = "/",
                IsEssential = true,
            });
            return Results.Redirect("/");
        });

        return app;
    }

    private static bool Matches(string? given, string expected) =>
        given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));
}
