using Gateway.Departures;
using Gateway.Model;
using Microsoft.AspNetCore.Mvc;

namespace Gateway.Bookable;

/// <summary>The problems the gateway answers when a flight or seat it was asked about does not exist, or has departed.</summary>
public static class BookabilityProblems
{
    /// <summary>The problem of seats that cannot be booked; seats not on the map are named by the first of them.</summary>
    public static ProblemDetails For(Bookability refused, string flightId) => refused switch
    {
        Bookability.Departed departed => DepartureCheck.Refusal(departed.Flight),
        Bookability.NoSeatMap noSeatMap => SeatMapNotFound(noSeatMap.Flight),
        Bookability.SeatsNotOnMap unknown => SeatNotFound(unknown.Flight, unknown.Seats[0]),
        _ => FlightNotFound(flightId),
    };

    public static ProblemDetails FlightNotFound(string flightId) =>
        NotFound("Flight not found", $"There is no flight with flight_id {flightId}.");

    public static ProblemDetails SeatMapNotFound(Flight flight) =>
        NotFound("Seat map not found", $"Flight {flight.FlightNo} has no seat map.");

    public static ProblemDetails SeatNotFound(Flight flight, string seatNum) =>
        NotFound("Seat not found", $"Seat {seatNum} does not exist on flight {flight.FlightNo}.");

    private static ProblemDetails NotFound(string title, string detail) => new()
    {
        Status = StatusCodes.Status404NotFound,
        Title = title,
        Detail = detail,
    };
}
