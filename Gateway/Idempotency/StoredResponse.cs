using System.Text.Json;

namespace Gateway.Idempotency;

/// <summary>The first answer to a keyed request, as it is replayed: status, the headers that describe it, body.</summary>
public sealed record StoredResponse(int StatusCode, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    /// <summary>The headers that belong to the answer itself; the rest (security headers, dates, tracing) are the gateway's own each time.</summary>
    public static IReadOnlyList<string> KeptHeaders { get; } = ["Content-Type", "Content-Language", "Location", "ETag", "Last-Modified"];

    public static StoredResponse Capture(HttpResponse response, byte[] body) =>
        new(response.StatusCode,
            KeptHeaders.Where(name => response.Headers.ContainsKey(name)).ToDictionary(name => name, name => response.Headers[name].ToString()),
            body);

    /// <summary>
    /// 2xx, 3xx and 4xx answers are final for the request that got them and are kept. A 5xx (a dependency was
    /// away, the attempt may not have happened) and a 429 (rate limited, nothing happened) are not: a retry runs again.
    /// </summary>
    public static bool IsFinal(int statusCode) => statusCode < StatusCodes.Status500InternalServerError && statusCode != StatusCodes.Status429TooManyRequests;

    public string HeadersJson => JsonSerializer.Serialize(Headers);

    public static IReadOnlyDictionary<string, string> ParseHeaders(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
}
