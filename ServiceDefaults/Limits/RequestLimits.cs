using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

public static class RequestLimits
{
    /// <summary>No request of these APIs needs more: a booking is well under 1 KB.</summary>
    public const long DefaultMaxBodyBytes = 1024 * 1024;

    /// <summary>
    /// Bodies above <c>RequestLimits:MaxBodyBytes</c> (default 1 MB) are refused with 413 problem+json; headers above
    /// Kestrel's 32 KB with 431.
    /// </summary>
    public static TBuilder AddDefaultRequestLimits<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var maxBodyBytes = builder.Configuration.GetValue("RequestLimits:MaxBodyBytes", DefaultMaxBodyBytes);
        builder.Services.Configure<KestrelServerOptions>(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = maxBodyBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
        });
        return builder;
    }
}
