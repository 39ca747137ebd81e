using Flights.Api.Caching;
using Flights.Api.Data;
using Flights.Api.DemoData;
using ServiceDefaults.MySql;

namespace Flights.Api.Extensions;

public static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;

        builder.AddMySqlDatabase<FlightsContext, DemoDataSeeder>(FlightsContext.ConnectionName);
        services.AddReadCache(builder.Configuration);
        services.AddSingleton<CacheableJson>();

        services.AddOpenApi();
    }
}
