using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace ServiceDefaults.ProblemDetails;

/// <summary>
/// The framework's writer declines a client whose Accept names no JSON type (<c>Accept: text/html</c>), and the
/// status-code pages then answer text/plain. These services speak only JSON, so every error is problem+json
/// whatever the client asked for (RFC 9110 allows a 4xx/5xx in a type the client did not accept).
/// Registered after the framework's writer, it writes only what that one declines.
/// </summary>
internal sealed class ProblemJsonWriter(IOptions<ProblemDetailsOptions> options) : IProblemDetailsWriter
{
    private const string ProblemJsonContentType = "application/problem+json";

    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var httpContext = context.HttpContext;
        var problem = context.ProblemDetails;
        problem.Status ??= httpContext.Response.StatusCode;
        problem.Title ??= ReasonPhrases.GetReasonPhrase(problem.Status.Value);
        problem.Extensions.TryAdd("traceId", Activity.Current?.Id ?? httpContext.TraceIdentifier);
        options.Value.CustomizeProblemDetails?.Invoke(context);

        return new ValueTask(httpContext.Response.WriteAsJsonAsync(problem, problem.GetType(), options: null, ProblemJsonContentType, httpContext.RequestAborted));
    }
}
