using Gateway.Bookable;
using Gateway.Clients;
using Gateway.Model;

namespace Gateway.Holds;

/// <summary>
/// Holding seats for the signed-in customer: the seats must be bookable (<see cref="BookableSeats"/>), seats not on
/// the flight's seat map being invalid input; then Reservations.Api holds them all or none.
/// </summary>
public sealed class PlaceHold(BookableSeats bookable, ReservationsClient reservations)
{
    public async Task<ServiceReply<Hold>> RunAsync(Guid flightId, IReadOnlyList<string> seats, CancellationToken cancellationToken)
    {
        var bookability = await bookable.CheckAsync(flightId, seats, cancellationToken);
        return bookability switch
        {
            Bookability.Bookable { Flight: var flight } => await reservations.PlaceHoldAsync(flight.FlightId, seats, cancellationToken),
            Bookability.SeatsNotOnMap unknown => ServiceReply.Refused<Hold>(HoldProblems.Invalid(
                "seats", $"Seats {string.Join(", ", unknown.Seats)} do not exist on flight {unknown.Flight.FlightNo}.")),
            _ => ServiceReply.Refused<Hold>(BookabilityProblems.For(bookability, flightId.ToString())),
        };
    }
}
