namespace Web.Gateway;

public sealed record Flight(
    Guid FlightId,
    string FlightNo,
    string OriginCode,
    string DestinationCode,
    DateTime DepartureTime,
    DateTime ArrivalTime);

/// <summary>A flight with seats free for the party searched for; the cheapest cabin with room for all of them, if any.</summary>
public sealed record FlightOffer(Flight Flight, int SeatsTotal, int SeatsAvailable, string? CheapestCabin);

/// <summary>A flight's seat map with every seat marked available or not (reserved or held), as the gateway composes it.</summary>
public sealed record SeatChart(Flight Flight, bool Departed, int SeatsTotal, int SeatsAvailable, SeatChartMap SeatMap);

public sealed record SeatChartMap(string FlightNo, IReadOnlyList<SeatChartCabin> Cabins);

public sealed record SeatChartCabin(string CabinClass, IReadOnlyList<SeatChartRow> Rows);

public sealed record SeatChartRow(int Row, IReadOnlyList<SeatChartSeat> Seats);

public sealed record SeatChartSeat(string SeatNum, IReadOnlyList<string> Features, bool Available)
{
    public bool Has(string feature) => Features.Contains(feature);
}

public sealed record Reservation(string FlightId, string SeatNum, string CustomerId);

/// <summary>Seats kept for the customer until <see cref="ExpiresAt"/>, to be confirmed or released.</summary>
public sealed record Hold(string HoldId, string FlightId, IReadOnlyList<string> Seats, DateTime ExpiresAt);

public sealed record HoldConfirmation(string HoldId, IReadOnlyList<Reservation> Reservations);

/// <summary>A customer's seats on one flight: reserved ones and live holds; the flight is null when it is no longer known.</summary>
public sealed record Trip(string FlightId, Flight? Flight, bool Departed, IReadOnlyList<string> ReservedSeats, IReadOnlyList<TripHold> Holds);

public sealed record TripHold(string HoldId, IReadOnlyList<string> Seats, DateTime ExpiresAt);
