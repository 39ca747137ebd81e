using Flights.Api.Model;
using Flights.Api.Seating;
using static Flights.Api.Model.SeatFeature;

namespace Flights.Api.Tests.Unit;

public sealed class SeatLayoutGeneratorTests
{
    [Fact]
    public void Cabins_rows_and_seats_follow_the_plans_in_order()
    {
        var layout = SeatLayoutGenerator.Generate([new("business", 1, 2, "AC DF"), new("economy", 5, 7, "ABC DEF")]);

        Assert.Equal(["business", "economy"], layout.Cabins.Select(c => c.CabinClass));
        Assert.Equal([1, 2], layout.Cabins[0].Rows.Select(r => r.Row));
        Assert.Equal([5, 6, 7], layout.Cabins[1].Rows.Select(r => r.Row));
        Assert.Equal(["6A", "6B", "6C", "6D", "6E", "6F"], layout.Cabins[1].Rows[1].Seats.Select(s => s.SeatNum));
    }

    [Fact]
    public void Seats_are_window_aisle_or_middle_by_where_the_aisles_are()
    {
        var row = SeatLayoutGenerator.Generate([new("economy", 20, 21, "ABC DEFG HJK")]).Cabins[0].Rows[1];

        Assert.Equal(
            [[Window], [Middle], [Aisle], [Aisle], [Middle], [Middle], [Aisle], [Aisle], [Middle], [Window]],
            row.Seats.Select(s => s.Features));
    }

    [Fact]
    public void A_seat_alone_between_window_and_aisle_is_both()
    {
        var row = SeatLayoutGenerator.Generate([new("business", 1, 2, "A DG K")]).Cabins[0].Rows[1];

        Assert.Equal([[Window, Aisle], [Aisle], [Aisle], [Window, Aisle]], row.Seats.Select(s => s.Features));
    }

    [Fact]
    public void Exit_rows_and_the_first_row_of_a_cabin_have_extra_legroom()
    {
        var rows = SeatLayoutGenerator.Generate([new("economy", 5, 13, "ABC DEF") { ExitRows = [12] }]).Cabins[0].Rows;

        Assert.Equal([Window, ExtraLegroom], Seat(rows, "5A").Features);
        Assert.Equal([Middle], Seat(rows, "6B").Features);
        Assert.Equal([Aisle, ExitRow, ExtraLegroom], Seat(rows, "12C").Features);
        Assert.Equal([Window], Seat(rows, "13F").Features);
    }

    [Theory]
    [MemberData(nameof(Aircraft))]
    public void Every_aircraft_has_at_least_100_seats_in_two_cabins_or_more(string name, IReadOnlyList<CabinPlan> plans)
    {
        var layout = SeatLayoutGenerator.Generate(plans);
        var seats = layout.Cabins.SelectMany(c => c.Rows).SelectMany(r => r.Seats).ToList();

        Assert.True(layout.Cabins.Count >= 2, name);
        Assert.True(seats.Count >= 100, $"{name}: {seats.Count} seats");
        Assert.Equal(seats.Count, seats.Select(s => s.SeatNum).Distinct().Count());
        Assert.All(seats, s => Assert.True(s.Features.Contains(Middle) != (s.Features.Contains(Window) || s.Features.Contains(Aisle))));
    }

    public static TheoryData<string, IReadOnlyList<CabinPlan>> Aircraft() => new()
    {
        { nameof(AircraftSeating.SingleAisle), AircraftSeating.SingleAisle },
        { nameof(AircraftSeating.TwinAisle), AircraftSeating.TwinAisle },
    };

    private static Seat Seat(IEnumerable<SeatRow> rows, string seatNum) => rows.SelectMany(r => r.Seats).Single(s => s.SeatNum == seatNum);
}
