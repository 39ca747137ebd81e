using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace Microsoft.Extensions.Hosting;

/// <summary>A fixed-window limit: <see cref="PermitLimit"/> requests per <see cref="Window"/> for each caller.</summary>
public sealed record RateLimit(int PermitLimit, TimeSpan Window);

public static class RateLimitingExtensions
{
    /// <summary>
    /// Named rate limits, each caller counted on its own: by token subject when the request carries a valid token,
    /// else by client address. A limit is configured as <c>RateLimits:{name}:PermitLimit</c> and
    /// <c>RateLimits:{name}:Window</c> (e.g. <c>00:01:00</c>), else <paramref name="defaults"/> hold. A refused
    /// request is 429 problem+json with <c>Retry-After</c>. Endpoints opt in with <c>RequireRateLimiting(name)</c>;
    /// the service adds <c>UseRateLimiter()</c> after <c>UseAuthentication()</c>.
    /// </summary>
    public static TBuilder AddDefaultRateLimiting<TBuilder>(this TBuilder builder, IReadOnlyDictionary<string, RateLimit> defaults)
        where TBuilder : IHostApplicationBuilder
    {
        var limits = defaults.ToDictionary(
            pair => pair.Key,
            pair => new RateLimit(
                builder.Configuration.GetValue($"RateLimits:{pair.Key}:PermitLimit", pair.Value.PermitLimit),
                builder.Configuration.GetValue($"RateLimits:{pair.Key}:Window", pair.Value.Window)));

        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = RejectAsync;
            foreach (var (name, limit) in limits)
            {
                options.AddPolicy(name, context => RateLimitPartition.GetFixedWindowLimiter(
                    Caller(context),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = limit.PermitLimit, Window = limit.Window, QueueLimit = 0 }));
            }
        });
        return builder;
    }

    private static string Caller(HttpContext context) =>
        context.User.SubjectId() is { } subject
            ? $"sub:{subject}"
            : $"ip:{context.Connection.RemoteIpAddress}";

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
            ? (int)Math.Ceiling(wait.TotalSeconds)
            : 1;
        context.Response.Headers[HeaderNames.RetryAfter] = Math.Max(retryAfter, 1).ToString(CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests.",
                Detail = $"This kind of request is limited per caller; try again in {retryAfter} s.",
            },
        });
    }
}
