using System.Security.Claims;
using Gateway.Authentication;
using Gateway.Model;
using Gateway.Rebooking;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Gateway.Apis;

/// <summary>Moving the signed-in customer's reservation to another seat (<see cref="RebookingSaga"/>).</summary>
public static class RebookingApi
{
    private const string RetryAfterSeconds = "5";

    public static IEndpointRouteBuilder MapRebookingApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/reservations/{flight_id}/{seat_num}/rebook", RebookAsync)
            .RequireAuthorization(GatewayPolicies.Customer)
            .RequireRateLimiting(GatewayPolicies.BookingLimit)
            .WithTags("Rebooking")
            .WithName("Rebook")
            .WithSummary("Move the signed-in customer's reservation to another seat, on the same or another flight")
            .WithDescription(
                "Reserves the new seat, then releases the original; the customer ends with exactly one of the two. " +
                "200: rebooked (outcome \"rebooked\", reservation = the new seat). " +
                "202: rebooked, the original seat still to be released (completed: false); the gateway releases it as soon as Reservations.Api answers. " +
                "409: the new seat is taken, the customer already holds it, another rebooking of this reservation is under way, " +
                "or the reservation's flight or the new one has departed (title \"flight has departed\"); the customer keeps the original. " +
                "503 (Retry-After): Reservations.Api or Redis did not answer; the customer keeps the original. " +
                "A 409 or 503 from the rebooking itself carries the extension members outcome (\"kept_original\"), reservation (the seat held) and rebooking_id; " +
                "a 503 without them came before the rebooking began (nothing was changed). " +
                "403: the reservation is another customer's; 404: no such reservation, flight or seat; 400: invalid input.")
            .Produces<RebookingAnswer>(StatusCodes.Status200OK)
            .Produces<RebookingAnswer>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        return app;
    }

    public static async Task<Results<Ok<RebookingAnswer>, Accepted<RebookingAnswer>, ValidationProblem, ProblemHttpResult>> RebookAsync(
        [FromRoute(Name = "flight_id")] string flightId,
        [FromRoute(Name = "seat_num")] string seatNum,
        RebookingRequest? request,
        ClaimsPrincipal user,
        RebookingSaga saga,
        HttpContext httpContext,
        CancellationToken cancellationToken)
    {
        var errors = Validate(flightId, request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var customerId = user.SubjectId()!;
        var result = await saga.RebookAsync(
            customerId,
            new Reservation(flightId, seatNum, customerId),
            new Reservation(request!.FlightId!, request.SeatNum!, customerId),
            cancellationToken);

        switch (result.Outcome)
        {
            case RebookingOutcome.Rebooked:
                return TypedResults.Ok(Answer(result, completed: true));
            case RebookingOutcome.RebookedReleasingOriginal:
                return TypedResults.Accepted((string?)null, Answer(result, completed: false));
            case RebookingOutcome.Unavailable:
                httpContext.Response.Headers[HeaderNames.RetryAfter] = RetryAfterSeconds;
                break;
            case RebookingOutcome.FlightDeparted:
                return TypedResults.Problem(result.Refusal!);
        }

        return TypedResults.Problem(Problem(result));
    }

    private static Dictionary<string, string[]> Validate(string flightId, RebookingRequest? request)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Guid.TryParse(flightId, out _))
        {
            errors["flight_id"] = ["The reservation's flight_id (in the path) must be a UUID."];
        }

        if (!Guid.TryParse(request?.FlightId, out _))
        {
            errors["flight_id"] = [.. errors.GetValueOrDefault("flight_id", []), "flight_id is required and must be a UUID."];
        }

        if (string.IsNullOrWhiteSpace(request?.SeatNum))
        {
            errors["seat_num"] = ["seat_num is required."];
        }

        return errors;
    }

    private static RebookingAnswer Answer(RebookingResult result, bool completed) =>
        new(result.Rebooking!.Id, RebookingJournal.Name(RebookingStep.Rebooked), completed, result.Held!, result.Rebooking.Original);

    private static ProblemDetails Problem(RebookingResult result)
    {
        var (status, title, detail) = result.Outcome switch
        {
            RebookingOutcome.SeatTaken => (StatusCodes.Status409Conflict, "The new seat is not available.",
                $"{result.Refusal?.Detail ?? "Reservations.Api refused the new seat."} You keep your reservation."),
            RebookingOutcome.Unavailable => (StatusCodes.Status503ServiceUnavailable, "A service this request depends on is unavailable.",
                "Reservations.Api or Redis did not answer, so the rebooking was undone: you keep your reservation. Try again in a few seconds."),
            RebookingOutcome.InProgress => (StatusCodes.Status409Conflict, "A rebooking of this reservation is under way.",
                "Wait for it to end, then look at your reservations."),
            RebookingOutcome.AlreadyYours => (StatusCodes.Status409Conflict, "You already hold the new seat.",
                "Cancel the reservation you no longer want instead."),
            RebookingOutcome.NotYours => (StatusCodes.Status403Forbidden, "Not your reservation",
                "Only the customer who holds a reservation can rebook it."),
            RebookingOutcome.ReservationNotFound => (StatusCodes.Status404NotFound, "Reservation not found", "That seat is not reserved."),
            RebookingOutcome.FlightNotFound => (StatusCodes.Status404NotFound, "Flight not found", "There is no flight with that flight_id."),
            RebookingOutcome.SeatNotFound => (StatusCodes.Status404NotFound, "Seat not found", "The flight has no such seat."),
            _ => (StatusCodes.Status400BadRequest, "Nothing to rebook", "The new seat is the reservation's own seat."),
        };

        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        if (result.Held is { } held)
        {
            problem.Extensions["outcome"] = RebookingJournal.Name(RebookingStep.KeptOriginal);
            problem.Extensions["reservation"] = held;
            problem.Extensions["rebooking_id"] = result.Rebooking!.Id;
        }

        return problem;
    }
}
