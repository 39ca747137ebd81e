using Reservations.Api.Authorization;
using Reservations.Api.Infrastructure;
using ServiceDefaults.Redis;

namespace Reservations.Api.Extensions;

public static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddRedisConnection("redis");
        builder.Services.AddSingleton<ReservationStore>();
        builder.AddReservationsAuthorization();
        builder.Services.AddOpenApi();
    }
}
