using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ServiceDefaults.ProblemDetails;

internal static class ProblemDetailsDefaults
{
    /// <summary>
    /// Every error leaves as RFC 9457 problem+json: unreadable requests as 400 with the reason,
    /// an unavailable dependency as 503 with Retry-After, anything unforeseen as a bare 500 — whatever the
    /// client's Accept header asks for.
    /// Services add <c>UseExceptionHandler()</c> and <c>UseStatusCodePages()</c> to their pipeline.
    /// </summary>
    public static IServiceCollection AddDefaultProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddSingleton<IProblemDetailsWriter, ProblemJsonWriter>();
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddExceptionHandler<UnsupportedCharsetExceptionHandler>();
        services.AddExceptionHandler<DependencyUnavailableExceptionHandler>();
        return services;
    }
}
