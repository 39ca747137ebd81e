using Gateway.Model;

namespace Gateway.SeatCharts;

/// <summary>A flight with its seat map, every seat marked available or taken.</summary>
public sealed record SeatChart(
    Flight Flight,
    int SeatsTotal,
    int SeatsAvailable,
    SeatChartMap SeatMap)
{
    /// <param name="reservations">Seat number → customer, as Reservations.Api lists them.</param>
    public static SeatChart Compose(Flight flight, SeatMap seatMap, IReadOnlyDictionary<string, string> reservations)
    {
        var cabins = seatMap.Cabins
            .Select(cabin => new SeatChartCabin(
                cabin.CabinClass,
                [.. cabin.Rows.Select(row => new SeatChartRow(
                    row.Row,
                    [.. row.Seats.Select(seat => new SeatChartSeat(seat.SeatNum, seat.Features, !reservations.ContainsKey(seat.SeatNum)))]))]))
            .ToList();

        var seats = cabins.SelectMany(cabin => cabin.Rows).SelectMany(row => row.Seats).ToList();
        return new SeatChart(flight, seats.Count, seats.Count(seat => seat.Available), new SeatChartMap(seatMap.FlightNo, cabins));
    }
}

public sealed record SeatChartMap(string FlightNo, IReadOnlyList<SeatChartCabin> Cabins);

public sealed record SeatChartCabin(string CabinClass, IReadOnlyList<SeatChartRow> Rows);

public sealed record SeatChartRow(int Row, IReadOnlyList<SeatChartSeat> Seats);

public sealed record SeatChartSeat(string SeatNum, IReadOnlyList<string> Features, bool Available);
