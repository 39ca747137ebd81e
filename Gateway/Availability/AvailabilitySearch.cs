using Gateway.Clients;
using Gateway.Model;

namespace Gateway.Availability;

/// <summary>
/// Search by passengers: the day's flights of a route with at least as many free seats as there are passengers.
/// One call per service whatever the number of flights: Flights.Api gives the flights with their cabins' seat
/// numbers, Reservations.Api the taken (reserved or held) seats of all of them.
/// </summary>
public sealed class AvailabilitySearch(FlightsClient flights, ReservationsClient reservations)
{
    public async Task<IReadOnlyList<FlightAvailability>> SearchAsync(AvailabilityQuery query, CancellationToken cancellationToken)
    {
        var seatings = await flights.GetSeatingAsync(query.OriginCode, query.DestinationCode, query.Date, cancellationToken);
        if (seatings.Count == 0)
        {
            return [];
        }

        var taken = await reservations.GetTakenSeatsAsync([.. seatings.Select(seating => seating.Flight.FlightId)], cancellationToken);
        var partySize = query.Passengers ?? 1;

        return [.. seatings
            .Select(seating => Count(seating, taken.GetValueOrDefault(seating.Flight.FlightId.ToString(), []), partySize))
            .Where(flight => flight.SeatsAvailable >= partySize || query.Passengers is null)];
    }

    private static FlightAvailability Count(FlightSeating seating, IReadOnlyList<string> takenSeats, int partySize)
    {
        var taken = takenSeats.ToHashSet(StringComparer.Ordinal);
        var cabins = seating.Cabins
            .OrderBy(cabin => CabinFares.Rank(cabin.CabinClass))
            .Select(cabin => new CabinAvailability(cabin.CabinClass, cabin.Seats.Count, cabin.Seats.Count(seat => !taken.Contains(seat))))
            .ToList();

        return new FlightAvailability(
            seating.Flight,
            cabins.Sum(cabin => cabin.SeatsTotal),
            cabins.Sum(cabin => cabin.SeatsAvailable),
            cabins.FirstOrDefault(cabin => cabin.SeatsAvailable >= partySize)?.CabinClass,
            cabins);
    }
}
