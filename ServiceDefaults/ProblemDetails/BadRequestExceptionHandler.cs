using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace ServiceDefaults.ProblemDetails;

/// <summary>
/// Turns a request the framework could not bind (malformed JSON, wrong content type) or a form it could not read
/// (over 1,024 fields, a name over 2 KB, an encoded NUL) into a 400 that says why. A form is read by whoever asks for
/// it first, e.g. OpenIddict's token endpoint, whose reader's <see cref="InvalidDataException"/> would otherwise be a 500.
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is InvalidDataException unreadableForm && httpContext.Request.HasFormContentType)
        {
            return await problemDetails.WriteProblemAsync(
                httpContext, StatusCodes.Status400BadRequest, "The request's form could not be read.", unreadableForm.Message);
        }

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
