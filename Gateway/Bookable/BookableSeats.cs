using Gateway.Clients;
using Gateway.Departures;

namespace Gateway.Bookable;

/// <summary>
/// The one rule for "can these seats of this flight be booked?", shared by booking, holds and rebooking: the flight
/// exists, has not departed, has a seat map, and every seat is on it. Each use case answers what is wrong its own way.
/// </summary>
public sealed class BookableSeats(FlightsClient flights, DepartureCheck departures)
{
    public async Task<Bookability> CheckAsync(Guid flightId, IReadOnlyList<string> seats, CancellationToken cancellationToken)
    {
        var flight = await flights.GetFlightAsync(flightId, cancellationToken);
        if (flight is null)
        {
            return new Bookability.FlightNotFound();
        }

        if (departures.HasDeparted(flight))
        {
            return new Bookability.Departed(flight);
        }

        var seatMap = await flights.GetSeatMapAsync(flight.FlightNo, cancellationToken);
        if (seatMap is null)
        {
            return new Bookability.NoSeatMap(flight);
        }

        var unknown = seats.Where(seat => !seatMap.HasSeat(seat)).ToList();
        return unknown.Count > 0 ? new Bookability.SeatsNotOnMap(flight, unknown) : new Bookability.Bookable(flight);
    }
}
