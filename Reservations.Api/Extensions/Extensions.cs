using Reservations.Api.Authorization;
using Reservations.Api.Holds;
using Reservations.Api.Infrastructure;
using ServiceDefaults.Redis;

namespace Reservations.Api.Extensions;

public static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddDefaultRedisClient("redis");
        builder.Services.AddSingleton<ReservationStore>();
        builder.Services.Configure<HoldOptions>(builder.Configuration.GetSection(HoldOptions.SectionName));
        builder.Services.AddSingleton<HoldStore>();
        builder.Services.AddHostedService<HoldSweeper>();
        builder.AddReservationsAuthorization();
        builder.Services.AddOpenApi();
    }
}
