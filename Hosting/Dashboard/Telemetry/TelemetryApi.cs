using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Airline.Hosting.Dashboard.Telemetry;

/// <summary>Queries over the telemetry received: traces, structured logs and metrics.</summary>
internal static class TelemetryApi
{
    private const int MaxResults = 500;

    public static IEndpointRouteBuilder MapTelemetryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");

        api.MapGet("/services", (TraceStore traces, LogStore logs, MetricStore metrics) =>
            TypedResults.Ok(traces.Services().Concat(logs.Services()).Concat(metrics.Sources().Select(source => source.Service))
                .Distinct().Order(StringComparer.Ordinal)));

        api.MapGet("/traces", (TraceStore traces, string? service, bool? errorsOnly, double? minDurationMs, bool? hideProbes, int? limit) =>
            TypedResults.Ok(traces.Query(
                new TraceFilter(Blank(service), errorsOnly ?? false, Math.Max(minDurationMs ?? 0, 0), hideProbes ?? false),
                Limit(limit, 100))));

        api.MapGet("/traces/{traceId}", (TraceStore traces, string traceId) =>
            traces.Get(traceId.ToLowerInvariant()) is { } trace
                ? Results.Ok(trace)
                : TypedResults.Problem(title: "Unknown trace", detail: $"No span of trace {traceId} was received (or they were all dropped).", statusCode: StatusCodes.Status404NotFound));

        api.MapGet("/logs", (LogStore logs, string? service, LogSeverity? level, string? text, string? traceId, int? limit) =>
            TypedResults.Ok(logs.Query(Blank(service), level, Blank(text), Blank(traceId)?.ToLowerInvariant(), Limit(limit, 200))));

        api.MapGet("/metrics/sources", (MetricStore metrics) => TypedResults.Ok(metrics.Sources()));

        api.MapGet("/metrics", (MetricStore metrics, string instance) => TypedResults.Ok(metrics.Query(instance)));

        return app;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static int Limit(int? limit, int fallback) => Math.Clamp(limit ?? fallback, 1, MaxResults);
}
