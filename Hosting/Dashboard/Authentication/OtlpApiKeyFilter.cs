using Microsoft.AspNetCore.Http;

namespace Airline.Hosting.Dashboard.Authentication;

/// <summary>Telemetry is taken only with the API key the AppHost gave every project (<c>x-otlp-api-key</c>).</summary>
internal sealed class OtlpApiKeyFilter(DashboardAccess access) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        return access.IsOtlpApiKey(context.HttpContext.Request.Headers[DashboardAccess.OtlpApiKeyHeader])
            ? await next(context)
            : TypedResults.Problem(
                title: "Missing or wrong OTLP API key",
                detail: $"Send the key the AppHost gives every project in OTEL_EXPORTER_OTLP_HEADERS as the {DashboardAccess.OtlpApiKeyHeader} header.",
                statusCode: StatusCodes.Status401Unauthorized);
    }
}
