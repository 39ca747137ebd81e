using System.Runtime.CompilerServices;
using Airline.Hosting.Orchestration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace Airline.Hosting.Dashboard.Resources;

internal static class ResourcesApi
{
    public static IEndpointRouteBuilder MapResourcesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/resources");

        api.MapGet("/", (ResourceViews views) => TypedResults.Ok(views.All()));

        api.MapGet("/stream", (ResourceViews views, ResourceNotificationService notifications, IHostApplicationLifetime lifetime, HttpContext context) =>
            TypedResults.ServerSentEvents(Changes(views, notifications, Until(context, lifetime)), eventType: "resource"));

        api.MapPost("/{name}/commands/{command}", ExecuteAsync);

        return app;
    }

    /// <summary>A command runs to its end (a restart until the resource is healthy again); the page sees its steps live.</summary>
    private static async Task<Results<Ok<ResourceView>, ProblemHttpResult>> ExecuteAsync(
        string name, string command, ResourceViews views, Orchestrator orchestrator)
    {
        if (views.Find(name) is not { } resource)
        {
            return TypedResults.Problem(title: "Unknown resource", detail: $"There is no resource named '{name}'.", statusCode: StatusCodes.Status404NotFound);
        }

        if (Enum.GetNames<ResourceCommand>().FirstOrDefault(known => known.Equals(command, StringComparison.OrdinalIgnoreCase)) is not { } known
            || !Enum.TryParse<ResourceCommand>(known, out var parsed))
        {
            return TypedResults.Problem(title: "Unknown command", detail: $"'{command}' is not one of stop, start and restart.", statusCode: StatusCodes.Status400BadRequest);
        }

        try
        {
            await orchestrator.ExecuteCommandAsync(name, parsed);
        }
        catch (DistributedApplicationException exception)
        {
            return TypedResults.Problem(title: $"Cannot {command} {name}", detail: exception.Message, statusCode: StatusCodes.Status409Conflict);
        }

        return TypedResults.Ok(views.View(resource));
    }

    private static async IAsyncEnumerable<ResourceView> Changes(
        ResourceViews views, ResourceNotificationService notifications, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var snapshot in notifications.WatchAsync(cancellationToken).WithCancellation(cancellationToken))
        {
            if (views.Find(snapshot.Name) is { } resource)
            {
                yield return views.View(resource, snapshot);
            }
        }
    }

    /// <summary>A stream ends when the browser goes away or the dashboard stops (so stopping does not wait for open pages).</summary>
    internal static CancellationToken Until(HttpContext context, IHostApplicationLifetime lifetime)
    {
        var until = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        context.Response.RegisterForDispose(until);
        return until.Token;
    }
}
