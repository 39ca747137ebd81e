using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Flights.Api.Caching;

/// <summary>
/// A read's answer serialised once, with a strong ETag of its bytes and a Cache-Control max-age of the read
/// cache's expiry: the output cache replays it as it is, and answers a matching <c>If-None-Match</c> with 304.
/// </summary>
public sealed class CacheableJson(IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, IOptions<ReadCacheOptions> readCache)
{
    private const string ContentType = "application/json; charset=utf-8";

    public FileContentHttpResult Ok<T>(HttpContext context, T value)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(value, json.Value.SerializerOptions);
        var headers = context.Response.Headers;
        headers.ETag = $"\"{Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 16))}\"";
        headers.CacheControl = string.Create(CultureInfo.InvariantCulture, $"public, max-age={(int)readCache.Value.Expiry.TotalSeconds}");
        return TypedResults.Bytes(body, ContentType);
    }
}
