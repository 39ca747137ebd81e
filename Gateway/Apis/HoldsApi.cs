using System.Net;
using Gateway.Authentication;
using Gateway.Clients;
using Gateway.Holds;
using Gateway.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Gateway.Apis;

/// <summary>Seat holds of the signed-in customer: hold up to 9 seats, then confirm them as reservations or release them.</summary>
public static class HoldsApi
{
    public static IEndpointRouteBuilder MapHoldsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/holds")
            .WithTags("Holds")
            .RequireAuthorization(GatewayPolicies.Customer)
            .RequireRateLimiting(GatewayPolicies.BookingLimit)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapPost("", PlaceHold)
            .WithName("PlaceHold")
            .WithSummary("Hold 1 to 9 seats of a flight for the signed-in customer, all or none")
            .WithDescription("201 with hold_id and expires_at; 409 naming the seats already taken (problem extension `seats`) or "
                             + "'flight has departed'; 400 for more than 9 seats, duplicates or seats not on the flight's seat map; 404 unknown flight.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost("/{hold_id}/confirm", ConfirmHold)
            .WithName("ConfirmHold")
            .WithSummary("Turn a live hold into reservations")
            .WithDescription("201 confirmed now, 200 confirmed before; 410 expired (its seats are free again); 404 unknown or released; "
                             + "403 another customer's hold; 409 'flight has departed'.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status410Gone);

        api.MapDelete("/{hold_id}", ReleaseHold)
            .WithName("ReleaseHold")
            .WithSummary("Release a hold: its seats are free at once")
            .WithDescription("204 released (also once expired); 404 unknown or already released; 403 another customer's hold; 409 already confirmed.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return app;
    }

    public static async Task<Results<Created<Hold>, ValidationProblem, ProblemHttpResult>> PlaceHold(
        HoldRequest request,
        PlaceHold placeHold,
        CancellationToken cancellationToken)
    {
        var errors = HoldProblems.Validate(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var reply = await placeHold.RunAsync(Guid.Parse(request.FlightId!), [.. request.Seats!.Select(seat => seat!)], cancellationToken);
        return reply is { Status: HttpStatusCode.Created, Value: { } hold }
            ? TypedResults.Created($"/api/holds/{hold.HoldId}", hold)
            : TypedResults.Problem(reply.Problem!);
    }

    public static async Task<Results<Created<HoldConfirmation>, Ok<HoldConfirmation>, ProblemHttpResult>> ConfirmHold(
        [FromRoute(Name = "hold_id")] string holdId,
        ConfirmHold confirmHold,
        CancellationToken cancellationToken)
    {
        var reply = await confirmHold.RunAsync(holdId, cancellationToken);
        return reply switch
        {
            { Status: HttpStatusCode.Created, Value: { } confirmation } => TypedResults.Created((string?)null, confirmation),
            { Status: HttpStatusCode.OK, Value: { } confirmation } => TypedResults.Ok(confirmation),
            _ => TypedResults.Problem(reply.Problem!),
        };
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> ReleaseHold(
        [FromRoute(Name = "hold_id")] string holdId,
        ReservationsClient reservations,
        CancellationToken cancellationToken)
    {
        var reply = await reservations.ReleaseHoldAsync(holdId, cancellationToken);
        return reply.Status == HttpStatusCode.NoContent ? TypedResults.NoContent() : TypedResults.Problem(reply.Problem!);
    }
}
