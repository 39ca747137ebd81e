using Microsoft.AspNetCore.Http;

namespace ServiceDefaults.ProblemDetails;

internal static class ProblemWriting
{
    /// <summary>Answers the request with <paramref name="status"/> and a problem saying what went wrong.</summary>
    public static ValueTask<bool> WriteProblemAsync(
        this IProblemDetailsService problemDetails, HttpContext httpContext, int status, string title, string detail)
    {
        httpContext.Response.StatusCode = status;
        return problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
