using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace Flights.Api.Caching;

/// <summary>
/// Reads are answered from ASP.NET Core's output cache for <see cref="ReadCacheOptions.Expiry"/>: the same
/// bytes, ETag and Cache-Control as when they were made, and 304 to a matching <c>If-None-Match</c>.
/// </summary>
public static class ReadCaching
{
    public const string PolicyName = "reads";

    public static IServiceCollection AddReadCache(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ReadCacheOptions>(configuration.GetSection(ReadCacheOptions.SectionName));
        services.AddOutputCache();
        services.AddOptions<OutputCacheOptions>().Configure<IOptions<ReadCacheOptions>>((output, read) =>
            output.AddPolicy(PolicyName, policy =>
            {
                if (read.Value.Expiry > TimeSpan.Zero)
                {
                    policy.Expire(read.Value.Expiry);
                }
                else
                {
                    policy.NoCache();
                }
            }));
        return services;
    }
}
