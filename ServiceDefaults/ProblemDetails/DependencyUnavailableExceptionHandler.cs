using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace ServiceDefaults.ProblemDetails;

/// <summary>
/// A dependency that does not answer: 503 problem+json with Retry-After, one warning line per request (no stack
/// trace: the outage itself is reported once, by <see cref="DependencyOutages"/>).
/// </summary>
internal sealed partial class DependencyUnavailableExceptionHandler(
    IProblemDetailsService problemDetails,
    DependencyOutages outages,
    ILogger<DependencyUnavailableExceptionHandler> logger) : IExceptionHandler
{
    private const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not DependencyUnavailableException unavailable)
        {
            return false;
        }

        outages.ReportDown(unavailable.Dependency, unavailable.InnerException);
        LogUnavailable(logger, unavailable.Dependency, Activity.Current?.TraceId.ToString() ?? httpContext.TraceIdentifier);

        httpContext.Response.Headers[HeaderNames.RetryAfter] = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problemDetails.WriteProblemAsync(
            httpContext,
            StatusCodes.Status503ServiceUnavailable,
            "A service this request depends on is unavailable.",
            $"{unavailable.Dependency} is not answering. Try again in a few seconds.");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Answering 503: {Dependency} is unavailable (trace {TraceId})")]
    private static partial void LogUnavailable(ILogger logger, string dependency, string traceId);
}
