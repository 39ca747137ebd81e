using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace ServiceDefaults.ProblemDetails;

/// <summary>Turns a request the framework could not bind (malformed JSON, wrong content type) into a 400 that says why.</summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        var detail = badRequest.InnerException is JsonException json
            ? $"The request body is not valid JSON: {json.Message}"
            : badRequest.Message;

        return await problemDetails.WriteProblemAsync(httpContext, badRequest.StatusCode, "The request could not be read.", detail);
    }
}
