using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace ServiceDefaults.ProblemDetails;

internal sealed partial class DependencyUnavailableExceptionHandler(
    IProblemDetailsService problemDetails,
    ILogger<DependencyUnavailableExceptionHandler> logger) : IExceptionHandler
{
    private const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not DependencyUnavailableException unavailable)
        {
            return false;
        }

        LogUnavailable(logger, unavailable.Dependency, exception.InnerException);

        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers[HeaderNames.RetryAfter] = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "A service this request depends on is unavailable.",
                Detail = $"{unavailable.Dependency} is not answering. Try again in a few seconds.",
            },
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Dependency} is unavailable; answering 503")]
    private static partial void LogUnavailable(ILogger logger, string dependency, Exception? exception);
}
