using System.Collections.Frozen;

namespace Gateway.Model;

/// <summary>A flight number's seat layout as Flights.Api describes it.</summary>
public sealed record SeatMap(string FlightNo, IReadOnlyList<Cabin> Cabins)
{
    // Every booking asks one kept seat map about one seat: a set, not a walk over every cabin, row and seat.
    private readonly FrozenSet<string> _seatNums =
        Cabins.SelectMany(cabin => cabin.Rows).SelectMany(row => row.Seats).Select(seat => seat.SeatNum).ToFrozenSet();

    public bool HasSeat(string seatNum) => _seatNums.Contains(seatNum);
}

public sealed record Cabin(string CabinClass, IReadOnlyList<SeatRow> Rows);

public sealed record SeatRow(int Row, IReadOnlyList<Seat> Seats);

public sealed record Seat(string SeatNum, IReadOnlyList<string> Features);
