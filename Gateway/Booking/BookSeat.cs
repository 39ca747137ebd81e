using Gateway.Bookable;
using Gateway.Clients;
using Gateway.Model;

namespace Gateway.Booking;

/// <summary>
/// Booking one seat for the signed-in customer: the seat must be bookable (<see cref="BookableSeats"/>); then
/// Reservations.Api reserves it, or says it is the customer's already or someone else's.
/// </summary>
public sealed class BookSeat(BookableSeats bookable, ReservationsClient reservations)
{
    /// <param name="requested">The seat and the customer; its flight id a UUID as the client wrote it.</param>
    public async Task<ServiceReply<Reservation>> RunAsync(Reservation requested, CancellationToken cancellationToken)
    {
        var bookability = await bookable.CheckAsync(Guid.Parse(requested.FlightId), [requested.SeatNum], cancellationToken);
        if (bookability is not Bookability.Bookable { Flight: var flight })
        {
            return ServiceReply.Refused<Reservation>(BookabilityProblems.For(bookability, requested.FlightId));
        }

        return await reservations.ReserveAsync(requested with { FlightId = flight.FlightId.ToString() }, cancellationToken);
    }
}
