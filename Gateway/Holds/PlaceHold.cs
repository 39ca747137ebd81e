using System.Net;
using Gateway.Clients;
using Gateway.Departures;
using Gateway.Model;
using Microsoft.AspNetCore.Mvc;

namespace Gateway.Holds;

/// <summary>
/// Holding seats for the signed-in customer: the flight must exist and not have departed, and every seat must be on
/// its seat map; then Reservations.Api holds them all or none.
/// </summary>
public sealed class PlaceHold(FlightsClient flights, ReservationsClient reservations, DepartureCheck departures)
{
    public async Task<ServiceReply<Hold>> RunAsync(Guid flightId, IReadOnlyList<string> seats, CancellationToken cancellationToken)
    {
        var flight = await flights.GetFlightAsync(flightId, cancellationToken);
        if (flight is null)
        {
            return Refused(HoldProblems.FlightNotFound(flightId));
        }

        if (departures.HasDeparted(flight))
        {
            return Refused(DepartureCheck.Refusal(flight));
        }

        var seatMap = await flights.GetSeatMapAsync(flight.FlightNo, cancellationToken);
        if (seatMap is null)
        {
            return Refused(HoldProblems.SeatMapNotFound(flight));
        }

        var unknown = seats.Where(seat => !seatMap.HasSeat(seat)).ToList();
        if (unknown.Count > 0)
        {
            return Refused(HoldProblems.Invalid("seats", $"Seats {string.Join(", ", unknown)} do not exist on flight {flight.FlightNo}."));
        }

        return await reservations.PlaceHoldAsync(flight.FlightId, seats, cancellationToken);
    }

    private static ServiceReply<Hold> Refused(ProblemDetails problem) => new((HttpStatusCode)problem.Status!.Value, null, problem);
}
