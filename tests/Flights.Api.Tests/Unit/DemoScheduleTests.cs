using Flights.Api.DemoData;
using Flights.Api.Validation;

namespace Flights.Api.Tests.Unit;

public sealed class DemoScheduleTests
{
    private static readonly DateOnly FirstDay = new(2026, 12, 1);

    [Fact]
    public void Every_route_flies_once_a_day_for_30_days_from_the_first_day()
    {
        var flights = DemoSchedule.Flights(FirstDay).ToList();

        Assert.True(DemoSchedule.Routes.Count >= 5);
        Assert.Equal(DemoSchedule.Routes.Count * 30, flights.Count);
        foreach (var route in DemoSchedule.Routes)
        {
            var days = flights.Where(f => f.FlightNo == route.FlightNo).Select(f => DateOnly.FromDateTime(f.DepartureTime));
            Assert.Equal(Enumerable.Range(0, 30).Select(FirstDay.AddDays), days.Order());
        }

        Assert.Equal(flights.Count, flights.Select(f => f.FlightId).Distinct().Count());
    }

    [Fact]
    public void AA2532_flies_from_LAX_to_DCA_in_the_morning_Pacific_time()
    {
        var first = DemoSchedule.Flights(FirstDay).First(f => f.FlightNo == "AA2532");

        Assert.Equal(("LAX", "DCA"), (first.OriginCode, first.DestinationCode));
        Assert.Equal(new DateTime(2026, 12, 1, 13, 20, 0, DateTimeKind.Utc), first.DepartureTime);
        Assert.Equal(DateTimeKind.Utc, first.DepartureTime.Kind);
        Assert.Equal(new DateTime(2026, 12, 1, 18, 15, 0, DateTimeKind.Utc), first.ArrivalTime);
    }

    [Fact]
    public void Every_route_is_valid_input_to_the_API()
    {
        Assert.Equal(DemoSchedule.Routes.Count, DemoSchedule.Routes.Select(r => r.FlightNo).Distinct().Count());
        Assert.All(DemoSchedule.Routes, route =>
        {
            Assert.True(FlightInput.TryNormalizeFlightNo(route.FlightNo, out var flightNo) && flightNo == route.FlightNo, route.FlightNo);
            Assert.True(FlightInput.TryNormalizeAirportCode(route.OriginCode, out _), route.OriginCode);
            Assert.True(FlightInput.TryNormalizeAirportCode(route.DestinationCode, out _), route.DestinationCode);
            Assert.NotEqual(route.OriginCode, route.DestinationCode);
            Assert.InRange(route.Duration, TimeSpan.FromHours(1), TimeSpan.FromHours(16));
        });
    }

    [Fact]
    public void Every_route_has_a_seat_map()
    {
        Assert.Equal(DemoSchedule.Routes.Select(r => r.FlightNo), DemoSchedule.SeatMaps().Select(s => s.FlightNo));
    }
}
