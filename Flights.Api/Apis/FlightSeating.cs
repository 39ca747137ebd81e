using Flights.Api.Model;

namespace Flights.Api.Apis;

/// <summary>A flight and the seat numbers of each cabin of its aircraft (no cabins when its flight number has no seat map).</summary>
public sealed record FlightSeating(Flight Flight, IReadOnlyList<CabinSeats> Cabins)
{
    public static FlightSeating From(Flight flight, SeatMap? seatMap) =>
        new(flight, seatMap is null
            ? []
            : [.. seatMap.Layout.Cabins.Select(cabin => new CabinSeats(
                cabin.CabinClass, [.. cabin.Rows.SelectMany(row => row.Seats).Select(seat => seat.SeatNum)]))]);
}

public sealed record CabinSeats(string CabinClass, IReadOnlyList<string> Seats);
