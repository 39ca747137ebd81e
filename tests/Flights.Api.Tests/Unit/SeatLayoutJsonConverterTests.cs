using Flights.Api.Data;
using Flights.Api.Model;

namespace Flights.Api.Tests.Unit;

public sealed class SeatLayoutJsonConverterTests
{
    [Fact]
    public void A_layout_is_stored_as_snake_case_JSON_and_read_back_unchanged()
    {
        var converter = new SeatLayoutJsonConverter();
        var layout = new SeatLayout([new Cabin("economy", [new SeatRow(12, [new Seat("12A", [SeatFeature.Window, SeatFeature.ExitRow])])])]);

        var json = (string)converter.ConvertToProvider(layout)!;
        var readBack = (SeatLayout)converter.ConvertFromProvider(json)!;

        Assert.Equal(
            """{"cabins":[{"cabin_class":"economy","rows":[{"row":12,"seats":[{"seat_num":"12A","features":["window","exit_row"]}]}]}]}""",
            json);
        Assert.Equal("12A", readBack.Cabins[0].Rows[0].Seats[0].SeatNum);
        Assert.Equal([SeatFeature.Window, SeatFeature.ExitRow], readBack.Cabins[0].Rows[0].Seats[0].Features);
    }
}
