using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Reservations.Api.Authorization;
using Reservations.Api.Infrastructure;
using Reservations.Api.Model;
using Reservations.Api.Validation;

namespace Reservations.Api.Apis;

public static class HoldsApi
{
    public static IEndpointRouteBuilder MapHoldsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/holds")
            .WithTags("Holds")
            .RequireAuthorization(ReservationsPolicies.Customer)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapPost("", PlaceHoldAsync)
            .WithName("PlaceHold")
            .WithSummary("Hold 1 to 9 seats of a flight for the customer of the token, all or none")
            .WithDescription("201 with hold_id and expires_at; 409 naming the seats already reserved or held (problem extension `seats`).")
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/{hold_id}", GetHoldAsync)
            .WithName("GetHold")
            .WithSummary("A hold of the token's customer and its state: held, confirmed or expired")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/{hold_id}/confirm", ConfirmHoldAsync)
            .WithName("ConfirmHold")
            .WithSummary("Turn a live hold into reservations")
            .WithDescription("201 confirmed now, 200 confirmed before; 410 when the hold has expired (its seats are free); 404 unknown or released.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone);

        api.MapDelete("/{hold_id}", ReleaseHoldAsync)
            .WithName("ReleaseHold")
            .WithSummary("Give up a hold: its seats are free at once")
            .WithDescription("204 released (also once expired); 404 unknown or released; 409 already confirmed.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return app;
    }

    public static async Task<Results<Created<Hold>, ProblemHttpResult, ValidationProblem>> PlaceHoldAsync(
        HoldRequest? request,
        ClaimsPrincipal user,
        HoldStore holds)
    {
        if (!ReservationValidator.TryValidateHold(request, out var flightId, out var seats, out var errors))
        {
            return TypedResults.ValidationProblem(errors);
        }

        var placement = await holds.PlaceAsync(flightId, user.SubjectId()!, seats);
        return placement.Hold is { } hold
            ? TypedResults.Created($"/holds/{hold.HoldId}", hold)
            : SeatsTaken(flightId, placement.TakenSeats);
    }

    public static async Task<Results<Ok<StoredHold>, ProblemHttpResult, ValidationProblem>> GetHoldAsync(
        [FromRoute(Name = "hold_id")] string holdId,
        ClaimsPrincipal user,
        HoldStore holds)
    {
        if (!ReservationValidator.TryValidateHoldId(holdId, out var errors))
        {
            return TypedResults.ValidationProblem(errors);
        }

        var stored = await holds.GetAsync(holdId);
        if (stored is null)
        {
            return HoldNotFound(holdId);
        }

        return stored.Hold.CustomerId == user.SubjectId() ? TypedResults.Ok(stored) : NotYourHold();
    }

    public static async Task<Results<Created<HoldConfirmation>, Ok<HoldConfirmation>, ProblemHttpResult, ValidationProblem>> ConfirmHoldAsync(
        [FromRoute(Name = "hold_id")] string holdId,
        ClaimsPrincipal user,
        HoldStore holds)
    {
        if (!ReservationValidator.TryValidateHoldId(holdId, out var errors))
        {
            return TypedResults.ValidationProblem(errors);
        }

        var (outcome, confirmation) = await holds.ConfirmAsync(holdId, user.SubjectId()!);
        return outcome switch
        {
            ConfirmOutcome.Confirmed => TypedResults.Created((string?)null, confirmation),
            ConfirmOutcome.AlreadyConfirmed => TypedResults.Ok(confirmation),
            ConfirmOutcome.NotYours => NotYourHold(),
            ConfirmOutcome.Expired => TypedResults.Problem(
                statusCode: StatusCodes.Status410Gone,
                title: "The hold has expired.",
                detail: $"Hold {holdId} expired before it was confirmed; its seats are free again."),
            _ => HoldNotFound(holdId),
        };
    }

    public static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> ReleaseHoldAsync(
        [FromRoute(Name = "hold_id")] string holdId,
        ClaimsPrincipal user,
        HoldStore holds)
    {
        if (!ReservationValidator.TryValidateHoldId(holdId, out var errors))
        {
            return TypedResults.ValidationProblem(errors);
        }

        return await holds.ReleaseAsync(holdId, user.SubjectId()!) switch
        {
            HoldReleaseOutcome.Released => TypedResults.NoContent(),
            HoldReleaseOutcome.NotYours => NotYourHold(),
            HoldReleaseOutcome.AlreadyConfirmed => TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "The hold is confirmed.",
                detail: $"Hold {holdId} has been turned into reservations; cancel those instead."),
            _ => HoldNotFound(holdId),
        };
    }

    private static ProblemHttpResult SeatsTaken(string flightId, IReadOnlyList<string> seats) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "Seats already taken.",
            detail: $"Seats {string.Join(", ", seats)} of flight {flightId} are already reserved or held; nothing was held.",
            extensions: new Dictionary<string, object?> { ["seats"] = seats });

    private static ProblemHttpResult HoldNotFound(string holdId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Hold not found.", detail: $"There is no hold {holdId}.");

    private static ProblemHttpResult NotYourHold() =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not your hold.", detail: "The hold belongs to another customer.");
}
