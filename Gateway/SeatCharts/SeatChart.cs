using Gateway.Model;

namespace Gateway.SeatCharts;

/// <summary>
/// A flight with its seat map, every seat marked available or taken (reserved or held, never saying by whom), and
/// whether the flight has departed (then nothing can be held or booked).
/// </summary>
public sealed record SeatChart(
    Flight Flight,
    bool Departed,
    int SeatsTotal,
    int SeatsAvailable,
    SeatChartMap SeatMap)
{
    public static SeatChart Compose(Flight flight, SeatMap seatMap, TakenSeats taken, bool departed)
    {
        var unavailable = taken.Reserved.Keys.Concat(taken.Held).ToHashSet();
        var cabins = seatMap.Cabins
            .Select(cabin => new SeatChartCabin(
                cabin.CabinClass,
                [.. cabin.Rows.Select(row => new SeatChartRow(
                    row.Row,
                    [.. row.Seats.Select(seat => new SeatChartSeat(seat.SeatNum, seat.Features, !unavailable.Contains(seat.SeatNum)))]))]))
            .ToList();

        var seats = cabins.SelectMany(cabin => cabin.Rows).SelectMany(row => row.Seats).ToList();
        return new SeatChart(flight, departed, seats.Count, seats.Count(seat => seat.Available), new SeatChartMap(seatMap.FlightNo, cabins));
    }
}

public sealed record SeatChartMap(string FlightNo, IReadOnlyList<SeatChartCabin> Cabins);

public sealed record SeatChartCabin(string CabinClass, IReadOnlyList<SeatChartRow> Rows);

public sealed record SeatChartRow(int Row, IReadOnlyList<SeatChartSeat> Seats);

public sealed record SeatChartSeat(string SeatNum, IReadOnlyList<string> Features, bool Available);
