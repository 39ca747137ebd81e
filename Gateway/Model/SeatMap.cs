namespace Gateway.Model;

/// <summary>A flight number's seat layout as Flights.Api describes it.</summary>
public sealed record SeatMap(string FlightNo, IReadOnlyList<Cabin> Cabins)
{
    public bool HasSeat(string seatNum) =>
        Cabins.Any(cabin => cabin.Rows.Any(row => row.Seats.Any(seat => seat.SeatNum == seatNum)));
}

public sealed record Cabin(string CabinClass, IReadOnlyList<SeatRow> Rows);

public sealed record SeatRow(int Row, IReadOnlyList<Seat> Seats);

public sealed record Seat(string SeatNum, IReadOnlyList<string> Features);
