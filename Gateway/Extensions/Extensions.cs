using Gateway.Authentication;
using Gateway.Availability;
using Gateway.Bookable;
using Gateway.Booking;
using Gateway.Clients;
using Gateway.Departures;
using Gateway.Holds;
using Gateway.Idempotency;
using Gateway.Rebooking;
using Gateway.Trips;
using ServiceDefaults.Redis;

namespace Gateway.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            .AddServiceDiscoveryDestinationResolver();

        builder.Services.Configure<FlightsCacheOptions>(builder.Configuration.GetSection(FlightsCacheOptions.SectionName));
        builder.Services.AddSingleton<FlightsCache>();
        // Without IHttpClientFactory's request loggers: they log only at Information, and open a log scope per call even then.
        builder.Services.AddHttpClient<FlightsClient>(client => client.BaseAddress = new Uri("http://flights")).RemoveAllLoggers();
        builder.AddGatewayAuthorization();
        builder.Services.AddHttpClient<ReservationsClient>(client => client.BaseAddress = new Uri("http://reservations")).RemoveAllLoggers()
            .AddHttpMessageHandler<AccessTokenHandler>();

        // Idempotency records and rebooking journals. The gateway stays ready without Redis (reads do not need it);
        // a keyed write or a rebooking then answers 503.
        builder.AddDefaultRedisClient("redis", readiness: false);
        builder.Services.AddTransient<AvailabilitySearch>();
        builder.AddIdempotencyKeys();
        builder.AddRebooking();
        builder.Services.AddSingleton<DepartureCheck>();
        builder.Services.AddTransient<BookableSeats>();
        builder.Services.AddTransient<BookSeat>();
        builder.Services.AddTransient<PlaceHold>();
        builder.Services.AddTransient<ConfirmHold>();
        builder.Services.AddTransient<MyTrips>();

        builder.Services.AddOpenApi();
    }
}
