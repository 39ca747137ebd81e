using Microsoft.AspNetCore.OpenApi;
using ServiceDefaults.Redis;

namespace Gateway.Idempotency;

public static class IdempotencyExtensions
{
    /// <summary>
    /// Keyed writes need Redis; the gateway stays ready without it (reads do not need it), and a keyed write
    /// then answers 503.
    /// </summary>
    public static IHostApplicationBuilder AddIdempotencyKeys(this IHostApplicationBuilder builder)
    {
        builder.AddRedisConnection("redis", readiness: false);
        builder.Services.Configure<IdempotencyOptions>(builder.Configuration.GetSection(IdempotencyOptions.SectionName));
        builder.Services.AddSingleton<IdempotencyStore>();
        builder.Services.ConfigureAll<OpenApiOptions>(options => options.AddOperationTransformer<IdempotencyOpenApi>());
        return builder;
    }

    public static IApplicationBuilder UseIdempotencyKeys(this IApplicationBuilder app) => app.UseMiddleware<IdempotencyMiddleware>();
}
