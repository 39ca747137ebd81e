using Flights.Api.Apis;
using Flights.Api.Validation;

namespace Flights.Api.Tests.Unit;

public sealed class FlightSearchTests
{
    [Fact]
    public void A_query_without_any_filter_names_every_filter()
    {
        Assert.False(FlightSearch.TryCreate(new FlightSearchQuery(null, null, null, null), out var search, out var errors));

        Assert.Null(search);
        Assert.Equal(["date", "destination_code", "flight_no", "origin_code"], errors.Keys.Order());
        Assert.All(errors.Values, messages => Assert.Equal([FlightSearch.NoCriterion], messages));
    }

    [Fact]
    public void Every_filter_is_normalised()
    {
        Assert.True(FlightSearch.TryCreate(new FlightSearchQuery("aa2532", "lax", "Dca", "2026-12-01"), out var search, out var errors));

        Assert.Empty(errors);
        Assert.Equal(new FlightSearch("AA2532", "LAX", "DCA", new DateOnly(2026, 12, 1)), search);
    }

    [Theory]
    [InlineData("AA2532", null, null, null)]
    [InlineData(null, "LAX", null, null)]
    [InlineData(null, null, "DCA", null)]
    [InlineData(null, null, null, "2026-12-01")]
    [InlineData(null, "LAX", "DCA", "2026-12-01")]
    public void Any_one_filter_is_enough(string? flightNo, string? originCode, string? destinationCode, string? date)
    {
        Assert.True(FlightSearch.TryCreate(new FlightSearchQuery(flightNo, originCode, destinationCode, date), out var search, out _));

        Assert.Equal(flightNo, search.FlightNo);
        Assert.Equal(originCode, search.OriginCode);
        Assert.Equal(destinationCode, search.DestinationCode);
        Assert.Equal(date is null ? null : DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), search.Date);
    }

    [Fact]
    public void Each_malformed_filter_is_reported_with_its_rule_and_the_good_ones_are_not()
    {
        Assert.False(FlightSearch.TryCreate(new FlightSearchQuery("AA2532", "", "D1A", "2026-12-32"), out _, out var errors));

        Assert.Equal(["date", "destination_code", "origin_code"], errors.Keys.Order());
        Assert.Equal([FlightInput.AirportCodeRule], errors["origin_code"]);
        Assert.Equal([FlightInput.AirportCodeRule], errors["destination_code"]);
        Assert.Equal([FlightInput.DateRule], errors["date"]);
    }
}
