using System.Net;
using System.Security.Claims;
using Gateway.Authentication;
using Gateway.Booking;
using Gateway.Clients;
using Gateway.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Gateway.Apis;

/// <summary>The signed-in customer's reservations: book one seat (<see cref="BookSeat"/>), cancel one, list them.</summary>
public static class ReservationsApi
{
    public static IEndpointRouteBuilder MapReservationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api")
            .WithTags("Reservations")
            .RequireAuthorization(GatewayPolicies.Customer)
            .RequireRateLimiting(GatewayPolicies.BookingLimit)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapPost("/reservations", Reserve)
            .WithName("Reserve")
            .WithSummary("Book one seat of a flight for the signed-in customer")
            .WithDescription("201 reserved now; 200 the customer's already; 409 someone else's, in a hold, or 'flight has departed'; "
                             + "404 unknown flight, no seat map or a seat not on it; 403 a customer_id that is not the signed-in customer's; "
                             + "400 a missing seat_num or a flight_id that is not a UUID.")
            .Produces<Reservation>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapDelete("/reservations/{flight_id}/{seat_num}", Cancel)
            .WithName("CancelReservation")
            .WithSummary("Cancel a reservation: the seat is free at once")
            .WithDescription("204 cancelled; 404 not reserved; 403 another customer's. An agent names the customer with ?customer_id=.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/me/reservations", GetMyReservations)
            .WithName("GetMyReservations")
            .WithSummary("The signed-in customer's reserved seats");

        return app;
    }

    public static async Task<Results<Created<Reservation>, Ok<Reservation>, ValidationProblem, ProblemHttpResult>> Reserve(
        ReservationRequest request,
        ClaimsPrincipal user,
        BookSeat bookSeat,
        CancellationToken cancellationToken)
    {
        var errors = Validate(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var customerId = user.SubjectId()!;
        if (request.CustomerId is { } named && named != customerId)
        {
            return NotYours("A seat is booked for the signed-in customer; customer_id, when given, must be theirs.");
        }

        var reply = await bookSeat.RunAsync(new Reservation(request.FlightId!, request.SeatNum!, customerId), cancellationToken);
        return reply.Status switch
        {
            HttpStatusCode.Created => TypedResults.Created((string?)null, reply.Value),
            HttpStatusCode.OK => TypedResults.Ok(reply.Value),
            _ => TypedResults.Problem(reply.Problem!),
        };
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Cancel(
        [FromRoute(Name = "flight_id")] string flightId,
        [FromRoute(Name = "seat_num")] string seatNum,
        [FromQuery(Name = "customer_id")] string? customerId,
        ClaimsPrincipal user,
        ReservationsClient reservations,
        CancellationToken cancellationToken)
    {
        // An agent names the customer whose seat they cancel; Reservations.Api checks the role again and logs it.
        var signedIn = user.SubjectId()!;
        if (customerId is not null && customerId != signedIn && !user.IsInRole(AirlineScopes.AgentRole))
        {
            return NotYours("Only the customer who holds a reservation, or an agent, can cancel it.");
        }

        var reply = await reservations.CancelAsync(flightId, seatNum, customerId ?? signedIn, cancellationToken);
        return reply.Status == HttpStatusCode.NoContent ? TypedResults.NoContent() : TypedResults.Problem(reply.Problem!);
    }

    public static async Task<Ok<IReadOnlyList<Reservation>>> GetMyReservations(
        ClaimsPrincipal user,
        ReservationsClient reservations,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await reservations.GetCustomerReservationsAsync(user.SubjectId()!, cancellationToken));

    /// <summary>
    /// Presence and the flight id's form only: the seat is checked against the seat map; the customer is the
    /// token's.
    /// </summary>
    private static Dictionary<string, string[]> Validate(ReservationRequest? request)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Guid.TryParse(request?.FlightId, out _))
        {
            errors["flight_id"] = ["flight_id is required and must be a UUID."];
        }

        if (string.IsNullOrWhiteSpace(request?.SeatNum))
        {
            errors["seat_num"] = ["seat_num is required."];
        }

        return errors;
    }

    private static ProblemHttpResult NotYours(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "Not your reservation");
}
