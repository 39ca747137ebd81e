using Gateway.Model;
using Gateway.SeatCharts;

namespace Gateway.Tests;

public sealed class SeatChartTests
{
    private static readonly Flight Flight = new(Guid.NewGuid(), "AA2532", "LAX", "DCA",
        new DateTime(2026, 12, 1, 13, 20, 0, DateTimeKind.Utc), new DateTime(2026, 12, 1, 18, 30, 0, DateTimeKind.Utc));

    private static readonly SeatMap SeatMap = new("AA2532",
    [
        new Cabin("business", [new SeatRow(1, [new Seat("1A", ["window"]), new Seat("1C", ["aisle"])])]),
        new Cabin("economy", [new SeatRow(5, [new Seat("5A", ["window"]), new Seat("5B", ["middle"]), new Seat("5C", ["aisle"])])]),
    ]);

    [Fact]
    public void Marks_reserved_seats_taken_and_counts_the_rest()
    {
        var chart = SeatChart.Compose(Flight, SeatMap, Taken(new() { ["1C"] = "alice", ["5B"] = "bob" }), departed: false);

        Assert.Equal(5, chart.SeatsTotal);
        Assert.Equal(3, chart.SeatsAvailable);
        var seats = chart.SeatMap.Cabins.SelectMany(c => c.Rows).SelectMany(r => r.Seats).ToDictionary(s => s.SeatNum);
        Assert.False(seats["1C"].Available);
        Assert.False(seats["5B"].Available);
        Assert.True(seats["1A"].Available);
        Assert.Equal(["window"], seats["5A"].Features);
    }

    [Fact]
    public void Keeps_the_layout_order_of_cabins_rows_and_seats()
    {
        var chart = SeatChart.Compose(Flight, SeatMap, Taken([]), departed: false);

        Assert.Equal(["business", "economy"], chart.SeatMap.Cabins.Select(c => c.CabinClass));
        Assert.Equal(["5A", "5B", "5C"], chart.SeatMap.Cabins[1].Rows[0].Seats.Select(s => s.SeatNum));
        Assert.Equal(chart.SeatsTotal, chart.SeatsAvailable);
    }

    [Fact]
    public void Ignores_reservations_of_seats_the_map_does_not_have()
    {
        var chart = SeatChart.Compose(Flight, SeatMap, Taken(new() { ["99K"] = "mallory" }, "98K"), departed: false);

        Assert.Equal(5, chart.SeatsAvailable);
    }

    [Fact]
    public void Marks_held_seats_taken_like_reserved_ones_and_says_whether_the_flight_has_departed()
    {
        var chart = SeatChart.Compose(Flight, SeatMap, Taken(new() { ["1A"] = "alice" }, "5A", "5C"), departed: true);

        Assert.Equal(2, chart.SeatsAvailable);
        var available = chart.SeatMap.Cabins.SelectMany(c => c.Rows).SelectMany(r => r.Seats).Where(s => s.Available).Select(s => s.SeatNum);
        Assert.Equal(["1C", "5B"], available);
        Assert.True(chart.Departed);
    }

    [Fact]
    public void A_seat_exists_only_if_the_map_lists_it()
    {
        Assert.True(SeatMap.HasSeat("5C"));
        Assert.False(SeatMap.HasSeat("5D"));
        Assert.False(SeatMap.HasSeat("5c"));
    }

    private static TakenSeats Taken(Dictionary<string, string> reserved, params string[] held) => new(reserved, held);
}
