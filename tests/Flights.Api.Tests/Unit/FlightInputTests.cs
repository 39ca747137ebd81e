using Flights.Api.Validation;

namespace Flights.Api.Tests.Unit;

public sealed class FlightInputTests
{
    [Theory]
    [InlineData("AA2532", "AA2532")]
    [InlineData("aa2532", "AA2532")]
    [InlineData("Ba1", "BA1")]
    [InlineData("abc1234", "ABC1234")]
    public void A_well_formed_flight_number_is_normalised_to_upper_case(string value, string expected)
    {
        Assert.True(FlightInput.TryNormalizeFlightNo(value, out var flightNo));
        Assert.Equal(expected, flightNo);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("A1")]
    [InlineData("ABCD1")]
    [InlineData("AA")]
    [InlineData("AA12345")]
    [InlineData("B62532")]
    [InlineData("AA 2532")]
    [InlineData(" AA2532")]
    [InlineData("AA2532\n")]
    [InlineData("ÄA2532")]
    [InlineData("AA２５３２")]
    public void A_malformed_flight_number_is_refused(string? value)
    {
        Assert.False(FlightInput.TryNormalizeFlightNo(value, out var flightNo));
        Assert.Null(flightNo);
    }

    [Theory]
    [InlineData("LAX", "LAX")]
    [InlineData("dca", "DCA")]
    [InlineData("jFk", "JFK")]
    public void A_well_formed_airport_code_is_normalised_to_upper_case(string value, string expected)
    {
        Assert.True(FlightInput.TryNormalizeAirportCode(value, out var code));
        Assert.Equal(expected, code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("LA")]
    [InlineData("LAXX")]
    [InlineData("L4X")]
    [InlineData("LAX\n")]
    [InlineData("ÄBC")]
    public void A_malformed_airport_code_is_refused(string? value)
    {
        Assert.False(FlightInput.TryNormalizeAirportCode(value, out _));
    }

    [Fact]
    public void A_date_is_a_day_written_yyyy_MM_dd()
    {
        Assert.True(FlightInput.TryParseDate("2026-12-01", out var date));
        Assert.Equal(new DateOnly(2026, 12, 1), date);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2026-12-1")]
    [InlineData("2026-13-01")]
    [InlineData("2026-02-30")]
    [InlineData("01-12-2026")]
    [InlineData("2026/12/01")]
    [InlineData("2026-12-01T00:00:00Z")]
    [InlineData(" 2026-12-01")]
    public void Anything_else_is_not_a_date(string? value)
    {
        Assert.False(FlightInput.TryParseDate(value, out _));
    }

    [Fact]
    public void A_flight_id_is_a_UUID()
    {
        var id = Guid.NewGuid();

        Assert.True(FlightInput.TryParseFlightId(id.ToString(), out var parsed));
        Assert.Equal(id, parsed);
        Assert.False(FlightInput.TryParseFlightId("AA2532", out _));
    }
}
