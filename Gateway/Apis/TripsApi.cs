using System.Security.Claims;
using Gateway.Authentication;
using Gateway.Trips;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gateway.Apis;

public static class TripsApi
{
    public static IEndpointRouteBuilder MapTripsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/me/trips", GetMyTrips)
            .WithTags("Trips")
            .WithName("GetMyTrips")
            .WithSummary("The signed-in customer's reservations and live holds with their flights, upcoming first")
            .RequireAuthorization(GatewayPolicies.Customer)
            .RequireRateLimiting(GatewayPolicies.BookingLimit)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        return app;
    }

    public static async Task<Ok<IReadOnlyList<Trip>>> GetMyTrips(ClaimsPrincipal user, MyTrips trips, CancellationToken cancellationToken) =>
        TypedResults.Ok(await trips.RunAsync(user.SubjectId()!, cancellationToken));
}
