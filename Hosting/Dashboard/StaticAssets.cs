using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Airline.Hosting.Dashboard;

/// <summary>The front end: a few files embedded in the assembly (no front-end build), served as they are.</summary>
internal static class StaticAssets
{
    private static readonly Dictionary<string, string> ContentTypes = new()
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
    };

    public static IEndpointRouteBuilder MapStaticAssets(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => Page("index.html"));
        app.MapGet("/dashboard.js", () => Page("dashboard.js"));
        app.MapGet("/dashboard.css", () => Page("dashboard.css"));
        return app;
    }

    public static IResult Page(string file)
    {
        var stream = typeof(StaticAssets).Assembly.GetManifestResourceStream($"Dashboard/{file}")
            ?? throw new InvalidOperationException($"Dashboard/{file} is not embedded in {typeof(StaticAssets).Assembly.GetName().Name}.");
        return TypedResults.Stream(stream, ContentTypes[Path.GetExtension(file)]);
    }
}
