using Airline.Hosting.Dashboard.Resources;
using Airline.Hosting.Orchestration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace Airline.Hosting.Dashboard.ConsoleLogs;

/// <summary>What each resource writes to stdout and stderr: the lines kept so far, then live.</summary>
internal static class ConsoleLogsApi
{
    public static IEndpointRouteBuilder MapConsoleLogsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/console");
        api.MapGet("/{name}", GetLines);
        api.MapGet("/{name}/stream", StreamLines);
        return app;
    }

    private static Results<Ok<IReadOnlyList<ConsoleLogLine>>, ProblemHttpResult> GetLines(string name, ResourceViews views, ResourceLogService logs) =>
        views.Find(name) is null ? Unknown(name) : TypedResults.Ok(logs.GetLines(name));

    private static Results<ServerSentEventsResult<ConsoleLogLine>, ProblemHttpResult> StreamLines(
        string name, ResourceViews views, ResourceLogService logs, IHostApplicationLifetime lifetime, HttpContext context) =>
        views.Find(name) is null
            ? Unknown(name)
            : TypedResults.ServerSentEvents(logs.WatchAsync(name, ResourcesApi.Until(context, lifetime)), eventType: "line");

    private static ProblemHttpResult Unknown(string name) =>
        TypedResults.Problem(title: "Unknown resource", detail: $"There is no resource named '{name}'.", statusCode: StatusCodes.Status404NotFound);
}
