using System.Text;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace ServiceDefaults.ProblemDetails;

/// <summary>
/// A JSON body whose Content-Type names a charset .NET does not know (<c>charset=ebcdic</c>, an empty one)
/// makes the framework throw <see cref="InvalidOperationException"/>; the client sent something we cannot
/// decode, so it is a 415, not a server error.
/// </summary>
internal sealed class UnsupportedCharsetExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not InvalidOperationException || UnknownCharset(httpContext.Request.ContentType) is not { } charset)
        {
            return false;
        }

        return await problemDetails.WriteProblemAsync(
            httpContext,
            StatusCodes.Status415UnsupportedMediaType,
            "The request's charset is not supported.",
            $"The charset '{charset}' is not a known encoding; send JSON as UTF-8.");
    }

    private static string? UnknownCharset(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType) || !mediaType.Charset.HasValue)
        {
            return null;
        }

        var charset = mediaType.Charset.Value.Trim('"');
        try
        {
            Encoding.GetEncoding(charset);
            return null;
        }
        catch (ArgumentException)
        {
            return charset;
        }
    }
}
