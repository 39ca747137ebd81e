using System.Net;
using System.Security.Claims;
using Gateway.Authentication;
using Gateway.Availability;
using Gateway.Clients;
using Gateway.Departures;
using Gateway.Model;
using Gateway.SeatCharts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Gateway.Apis;

/// <summary>The endpoints that compose Flights.Api and Reservations.Api for clients.</summary>
public static class BffApi
{
    public static IEndpointRouteBuilder MapBffApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");

        api.MapGet("/flights", SearchAvailability);
        api.MapGet("/flights/{flight_id}/seats", GetSeatChart);
        var customer = api.MapGroup("").RequireAuthorization(GatewayPolicies.Customer).RequireRateLimiting(GatewayPolicies.BookingLimit);
        customer.MapPost("/reservations", Reserve);
        customer.MapDelete("/reservations/{flight_id}/{seat_num}", Cancel);
        customer.MapGet("/me/reservations", GetMyReservations);

        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<FlightAvailability>>, ValidationProblem>> SearchAvailability(
        [FromQuery(Name = "origin_code")] string? originCode,
        [FromQuery(Name = "destination_code")] string? destinationCode,
        [FromQuery(Name = "date")] string? date,
        [FromQuery(Name = "passengers")] string? passengers,
        AvailabilitySearch search,
        CancellationToken cancellationToken)
    {
        if (!AvailabilityQuery.TryCreate(originCode, destinationCode, date, passengers, out var query, out var errors))
        {
            return TypedResults.ValidationProblem(errors);
        }

        return TypedResults.Ok(await search.SearchAsync(query, cancellationToken));
    }

    public static async Task<Results<Ok<SeatChart>, ProblemHttpResult, ValidationProblem>> GetSeatChart(
        [FromRoute(Name = "flight_id")] string flightId,
        FlightsClient flights,
        ReservationsClient reservations,
        DepartureCheck departures,
        CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(flightId, out var id))
        {
            return Invalid("flight_id", "flight_id must be a UUID.");
        }

        var flight = await flights.GetFlightAsync(id, cancellationToken);
        if (flight is null)
        {
            return FlightNotFound(flightId);
        }

        var seatMap = flights.GetSeatMapAsync(flight.FlightNo, cancellationToken);
        var taken = reservations.GetTakenSeatsAsync(flight.FlightId, cancellationToken);
        if (await seatMap is not { } map)
        {
            return SeatMapNotFound(flight);
        }

        return TypedResults.Ok(SeatChart.Compose(flight, map, await taken, departures.HasDeparted(flight)));
    }

    public static async Task<Results<Created<Reservation>, Ok<Reservation>, ValidationProblem, ProblemHttpResult>> Reserve(
        ReservationRequest request,
        ClaimsPrincipal user,
        FlightsClient flights,
        ReservationsClient reservations,
        DepartureCheck departures,
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

        var flight = await flights.GetFlightAsync(Guid.Parse(request.FlightId!), cancellationToken);
        if (flight is null)
        {
            return FlightNotFound(request.FlightId!);
        }

        if (departures.HasDeparted(flight))
        {
            return TypedResults.Problem(DepartureCheck.Refusal(flight));
        }

        var seatMap = await flights.GetSeatMapAsync(flight.FlightNo, cancellationToken);
        if (seatMap is null)
        {
            return SeatMapNotFound(flight);
        }

        if (!seatMap.HasSeat(request.SeatNum!))
        {
            return NotFound("Seat not found", $"Seat {request.SeatNum} does not exist on flight {flight.FlightNo}.");
        }

        var reply = await reservations.ReserveAsync(
            new Reservation(flight.FlightId.ToString(), request.SeatNum!, customerId), cancellationToken);

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

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    private static ProblemHttpResult FlightNotFound(string flightId) =>
        NotFound("Flight not found", $"There is no flight with flight_id {flightId}.");

    private static ProblemHttpResult SeatMapNotFound(Flight flight) =>
        NotFound("Seat map not found", $"Flight {flight.FlightNo} has no seat map.");

    private static ProblemHttpResult NotFound(string title, string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: title);
}
