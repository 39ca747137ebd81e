using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Reservations.Api.Authorization;
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
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapPut("", ReserveSeatAsync)
            .WithName("ReserveSeat")
            .WithSummary("Reserve a seat of a flight for the customer of the token")
            .WithDescription("201 when reserved now, 200 when the customer already holds the seat, 409 when another customer does; 403 when customer_id is not the token's.")
            .RequireAuthorization(ReservationsPolicies.Customer)
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("", GetReservationsAsync)
            .WithName("GetReservations")
            .WithSummary("List the reserved seats of a flight, seat → customer (the gateway's own token only)")
            .RequireAuthorization(ReservationsPolicies.AllReservations);

        api.MapGet("/taken_seats", GetTakenSeatsAsync)
            .WithName("GetTakenSeats")
            .WithSummary("The seats nobody else can have (reserved or held) of up to 100 flights, in one request (the gateway's own token only)")
            .WithDescription("flight_id repeated once per flight; answers {flight_id: [seat_num, …]} with every flight asked for, [] when all its seats are free.")
            .RequireAuthorization(ReservationsPolicies.AllReservations);

        api.MapDelete("/{flight_id}/{seat_num}", CancelReservationAsync)
            .WithName("CancelReservation")
            .WithSummary("Cancel a customer's reservation of a seat (the customer, or an agent naming the customer)")
            .RequireAuthorization(ReservationsPolicies.Customer)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        app.MapGet("/flights/{flight_id}/taken_seats", GetFlightTakenSeatsAsync)
            .WithTags("Reservations")
            .WithName("GetFlightTakenSeats")
            .WithSummary("The reserved seats of a flight (seat → customer) and its held seats, read at once (the gateway's own token only)")
            .RequireAuthorization(ReservationsPolicies.AllReservations)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        app.MapGet("/customers/{customer_id}/bookings", GetCustomerBookingsAsync)
            .WithTags("Reservations")
            .WithName("GetCustomerBookings")
            .WithSummary("A customer's reservations and live holds (that customer, or an agent)")
            .RequireAuthorization(ReservationsPolicies.Customer)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        app.MapGet("/customers/{customer_id}/reservations", GetCustomerReservationsAsync)
            .WithTags("Reservations")
            .WithName("GetCustomerReservations")
            .WithSummary("List the seats a customer holds (that customer, or an agent)")
            .RequireAuthorization(ReservationsPolicies.Customer)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        return app;
    }

    public static async Task<Results<Created<Reservation>, Ok<Reservation>, ProblemHttpResult, ValidationProblem>> ReserveSeatAsync(
        ReservationRequest? request,
        ClaimsPrincipal user,
        ReservationStore store)
    {
        if (!ReservationValidator.TryValidate(request?.FlightId, request?.SeatNum, request?.CustomerId, out var reservation, out var errors))
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (user.SubjectId() != reservation.CustomerId && !user.ActsForAnyCustomer())
        {
            return NotYours("A seat can be reserved only for the customer the token belongs to.");
        }

        return await store.ReserveAsync(reservation) switch
        {
            ReserveOutcome.Reserved => TypedResults.Created(SeatPath(reservation), reservation),
            ReserveOutcome.AlreadyHeldBySameCustomer => TypedResults.Ok(reservation),
            ReserveOutcome.InCustomersHold => TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "The seat is in your hold.",
                detail: $"Seat {reservation.SeatNum} of flight {reservation.FlightId} is in one of your holds; confirm the hold to reserve it."),
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

    public static async Task<Results<Ok<IReadOnlyDictionary<string, IReadOnlyList<string>>>, ValidationProblem>> GetTakenSeatsAsync(
        [FromQuery(Name = ReservationValidator.FlightIdField)] string[] flightIds,
        ReservationStore store)
    {
        if (!ReservationValidator.TryValidateFlightIds(flightIds, out var errors))
        {
            return TypedResults.ValidationProblem(errors);
        }

        return TypedResults.Ok(await store.GetTakenSeatsAsync(flightIds.Distinct().ToList()));
    }

    public static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> CancelReservationAsync(
        [FromRoute(Name = "flight_id")] string flightId,
        [FromRoute(Name = "seat_num")] string seatNum,
        [FromQuery(Name = "customer_id")] string? customerId,
        ClaimsPrincipal user,
        ReservationStore store,
        ILoggerFactory loggers)
    {
        if (!ReservationValidator.TryValidate(flightId, seatNum, customerId, out var reservation, out var errors))
        {
            return TypedResults.ValidationProblem(errors);
        }

        var byAgent = user.SubjectId() != reservation.CustomerId && !user.ActsForAnyCustomer();
        if (byAgent && !user.IsInRole(AirlineScopes.AgentRole))
        {
            return NotYours("Only the customer who holds a reservation, or an agent, can cancel it.");
        }

        var outcome = await store.ReleaseAsync(reservation);
        if (byAgent && outcome == ReleaseOutcome.Released)
        {
            AgentLog.Cancelled(loggers.CreateLogger(AgentLog.Category), user.SubjectId()!, reservation.FlightId, reservation.SeatNum, reservation.CustomerId);
        }

        return outcome switch
        {
            ReleaseOutcome.Released => TypedResults.NoContent(),
            ReleaseOutcome.NotReserved => TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "The seat is not reserved.",
                detail: $"Seat {reservation.SeatNum} of flight {reservation.FlightId} is not reserved."),
            _ when byAgent => TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "The seat is held by another customer.",
                detail: $"Seat {reservation.SeatNum} of flight {reservation.FlightId} is not held by customer {reservation.CustomerId}."),
            _ => TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "The reservation belongs to another customer.",
                detail: $"Seat {reservation.SeatNum} of flight {reservation.FlightId} is reserved by another customer; only that customer can cancel it."),
        };
    }

    public static async Task<Results<Ok<TakenSeats>, ValidationProblem>> GetFlightTakenSeatsAsync(
        [FromRoute(Name = "flight_id")] string flightId,
        ReservationStore store)
    {
        if (!ReservationValidator.TryValidateFlightId(flightId, out var errors))
        {
            return TypedResults.ValidationProblem(errors);
        }

        return TypedResults.Ok(await store.GetTakenSeatsAsync(flightId));
    }

    public static async Task<Results<Ok<CustomerBookings>, ProblemHttpResult, ValidationProblem>> GetCustomerBookingsAsync(
        [FromRoute(Name = "customer_id")] string customerId,
        ClaimsPrincipal user,
        ReservationStore reservations,
        HoldStore holds)
    {
        if (!ReservationValidator.TryValidateCustomerId(customerId, out var errors))
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (user.SubjectId() != customerId && !user.IsInRole(AirlineScopes.AgentRole))
        {
            return NotYours("A customer's bookings are shown only to that customer or an agent.");
        }

        var reserved = reservations.GetCustomerReservationsAsync(customerId);
        var held = holds.GetCustomerHoldsAsync(customerId);
        return TypedResults.Ok(new CustomerBookings(await reserved, await held));
    }

    public static async Task<Results<Ok<IReadOnlyList<Reservation>>, ProblemHttpResult, ValidationProblem>> GetCustomerReservationsAsync(
        [FromRoute(Name = "customer_id")] string customerId,
        ClaimsPrincipal user,
        ReservationStore store)
    {
        if (!ReservationValidator.TryValidateCustomerId(customerId, out var errors))
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (user.SubjectId() != customerId && !user.IsInRole(AirlineScopes.AgentRole))
        {
            return NotYours("A customer's reservations are shown only to that customer or an agent.");
        }

        return TypedResults.Ok(await store.GetCustomerReservationsAsync(customerId));
    }

    private static ProblemHttpResult NotYours(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not your reservation.", detail: detail);

    /// <summary>Where the reservation can be cancelled.</summary>
    private static string SeatPath(Reservation reservation) =>
        $"/reservations/{Uri.EscapeDataString(reservation.FlightId)}/{reservation.SeatNum}";
}
