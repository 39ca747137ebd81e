using Microsoft.AspNetCore.OpenApi;

namespace Gateway.Idempotency;

public static class IdempotencyExtensions
{
    /// <summary>Keyed writes, kept in the Redis the gateway connects to (<c>ConnectionStrings:redis</c>).</summary>
    public static IHostApplicationBuilder AddIdempotencyKeys(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<IdempotencyOptions>(builder.Configuration.GetSection(IdempotencyOptions.SectionName));
        builder.Services.AddSingleton<IdempotencyStore>();
        builder.Services.ConfigureAll<OpenApiOptions>(options => options.AddOperationTransformer<IdempotencyOpenApi>());
        return builder;
    }

    public static IApplicationBuilder UseIdempotencyKeys(this IApplicationBuilder app) => app.UseMiddleware<IdempotencyMiddleware>();
}
