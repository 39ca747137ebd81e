using Gateway.Clients;
using Gateway.Departures;
using Gateway.Model;

namespace Gateway.Trips;

/// <summary>
/// The signed-in customer's trips: their reservations and live holds from Reservations.Api (one call), grouped by
/// flight, with the flights from Flights.Api (one batch call for those not cached); upcoming flights first, soonest
/// first, then departed ones, latest first, then any the flights service no longer knows.
/// </summary>
public sealed class MyTrips(FlightsClient flights, ReservationsClient reservations, DepartureCheck departures)
{
    public async Task<IReadOnlyList<Trip>> RunAsync(string customerId, CancellationToken cancellationToken)
    {
        var bookings = await reservations.GetCustomerBookingsAsync(customerId, cancellationToken);
        var flightIds = bookings.Reservations.Select(reservation => reservation.FlightId)
            .Concat(bookings.Holds.Select(hold => hold.FlightId))
            .Distinct()
            .ToList();
        var known = await flights.GetFlightsAsync(
            flightIds.Select(id => Guid.TryParse(id, out var flightId) ? flightId : Guid.Empty).Where(id => id != Guid.Empty), cancellationToken);

        return [.. flightIds
            .Select(flightId =>
            {
                var flight = Guid.TryParse(flightId, out var id) ? known.GetValueOrDefault(id) : null;
                return new Trip(
                    flightId,
                    flight,
                    flight is not null && departures.HasDeparted(flight),
                    [.. bookings.Reservations.Where(r => r.FlightId == flightId).Select(r => r.SeatNum).Order(StringComparer.Ordinal)],
                    [.. bookings.Holds.Where(h => h.FlightId == flightId).Select(h => new TripHold(h.HoldId, h.Seats, h.ExpiresAt))]);
            })
            .OrderBy(trip => trip.Flight is null ? 2 : trip.Departed ? 1 : 0)
            .ThenBy(trip => trip.Departed ? -trip.Flight!.DepartureTime.Ticks : trip.Flight?.DepartureTime.Ticks ?? 0)];
    }
}

/// <summary>One flight of the customer's: the seats they have reserved on it and their live holds of its seats.</summary>
public sealed record Trip(string FlightId, Flight? Flight, bool Departed, IReadOnlyList<string> ReservedSeats, IReadOnlyList<TripHold> Holds);

public sealed record TripHold(string HoldId, IReadOnlyList<string> Seats, DateTime ExpiresAt);
