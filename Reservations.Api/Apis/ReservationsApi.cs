using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Reservations.Api.Infrastructure;
using Reservations.Api.Model;
using Reservations.Api.Validation;

namespace Reservations.Api.Apis;

public static class ReservationsApi
{
    public static IEndpointRouteBuilder MapReservationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/reservations")
            .WithTags("Reservations")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapPut("", ReserveSeatAsync)
            .WithName("ReserveSeat")
            .WithSummary("Reserve a seat of a flight for a customer")
            .WithDescription("201 when reserved now, 200 when the customer already holds the seat, 409 when another customer does.")
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("", GetReservationsAsync)
            .WithName("GetReservations")
            .WithSummary("List the reserved seats of a flight, seat → customer");

        api.MapDelete("/{flight_id}/{seat_num}", CancelReservationAsync)
            .WithName("CancelReservation")
            .WithSummary("Cancel a customer's reservation of a seat")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }

    public static async Task<Results<Created<Reservation>, Ok<Reservation>, ProblemHttpResult, ValidationProblem>> ReserveSeatAsync(
        ReservationRequest? request,
        ReservationStore store)
    {
        if (!ReservationValidator.TryValidate(request?.FlightId, request?.SeatNum, request?.CustomerId, out var reservation, out var errors))
        {
            return TypedResults.ValidationProblem(errors);
        }

        return await store.ReserveAsync(reservation) switch
        {
            ReserveOutcome.Reserved => TypedResults.Created(SeatPath(reservation), reservation),
            ReserveOutcome.AlreadyHeldBySameCustomer => TypedResults.Ok(reservation),
            _ => TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "The seat is already reserved.",
                detail: $"Seat {reservation.SeatNum} of flight {reservation.FlightId} is reserved by another customer."),
        };
    }

    public static async Task<Results<Ok<IReadOnlyDictionary<string, string>>, ValidationProblem>> GetReservationsAsync(
        [FromQuery(Name = "flight_id")] string? flightId,
        ReservationStore store)
    {
        if (!ReservationValidator.TryValidateFlightId(flightId, out var errors))
        {
            return TypedResults.ValidationProblem(errors);
        }

        return TypedResults.Ok(await store.GetSeatsAsync(flightId));
    }

    public static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> CancelReservationAsync(
        [FromRoute(Name = "flight_id")] string flightId,
        [FromRoute(Name = "seat_num")] string seatNum,
        [FromQuery(Name = "customer_id")] string? customerId,
        ReservationStore store)
    {
        if (!ReservationValidator.TryValidate(flightId, seatNum, customerId, out var reservation, out var errors))
        {
            return TypedResults.ValidationProblem(errors);
        }

        return await store.ReleaseAsync(reservation) switch
        {
            ReleaseOutcome.Released => TypedResults.NoContent(),
            ReleaseOutcome.NotReserved => TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "The seat is not reserved.",
                detail: $"Seat {reservation.SeatNum} of flight {reservation.FlightId} is not reserved."),
            _ => TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "The reservation belongs to another customer.",
                detail: $"Seat {reservation.SeatNum} of flight {reservation.FlightId} is reserved by another customer; only that customer can cancel it."),
        };
    }

    /// <summary>Where the reservation can be cancelled.</summary>
    private static string SeatPath(Reservation reservation) =>
        $"/reservations/{Uri.EscapeDataString(reservation.FlightId)}/{reservation.SeatNum}";
}
