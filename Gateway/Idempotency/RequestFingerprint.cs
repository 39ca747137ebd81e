using System.Security.Cryptography;
using System.Text;

namespace Gateway.Idempotency;

/// <summary>
/// What makes a retry "the same request": method, path with query string, and the SHA-256 of the body. A retry
/// whose fingerprint differs is refused with 422 rather than answered with another request's outcome.
/// </summary>
public static class RequestFingerprint
{
    /// <summary>The request's fingerprint (hex); the body can be read again afterwards.</summary>
    public static async Task<string> ComputeAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        request.EnableBuffering();
        var bodyHash = await SHA256.HashDataAsync(request.Body, cancellationToken);
        request.Body.Position = 0;
        return Of(request.Method, $"{request.Path}{request.QueryString}", bodyHash);
    }

    public static string Of(string method, string pathAndQuery, byte[] bodyHash) =>
        Convert.ToHexStringLower(SHA256.HashData(
            Encoding.UTF8.GetBytes($"{method.ToUpperInvariant()}\n{pathAndQuery}\n{Convert.ToHexStringLower(bodyHash)}")));
}
