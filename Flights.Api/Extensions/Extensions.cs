using Flights.Api.Caching;
using Flights.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Flights.Api.Extensions;

public static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;

        services.AddSingleton<FlightsDatabase>();

        // The pool builds its options once, on first use: after FlightsDatabaseInitializer has waited for the
        // server to answer, so the version is detected once, from the server actually configured.
        services.AddDbContextPool<FlightsContext>((serviceProvider, options) =>
        {
            var connectionString = serviceProvider.GetRequiredService<FlightsDatabase>().ConnectionString;
            options.UseMySql(connectionString, ServerVersion.AutoDetect(connectionString))
                .AddInterceptors(new MySqlUnavailableInterceptor(serviceProvider.GetRequiredService<DependencyOutages>()));
        });

        services.AddHostedService<FlightsDatabaseInitializer>();
        services.AddReadCache(builder.Configuration);
        services.AddSingleton<CacheableJson>();

        services.AddHealthChecks()
            .AddDbContextCheck<FlightsContext>(FlightsDatabase.ConnectionName, tags: ["ready"]);

        services.AddOpenApi();
    }
}
