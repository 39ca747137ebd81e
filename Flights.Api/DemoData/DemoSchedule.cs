using Flights.Api.Model;
using Flights.Api.Seating;

namespace Flights.Api.DemoData;

/// <summary>The demo flights: each demo route daily, for the 30 days from the day the service starts.</summary>
public static class DemoSchedule
{
    public const int Days = 30;

    public static IReadOnlyList<DemoRoute> Routes { get; } =
    [
        new("AA2532", "LAX", "DCA", new TimeOnly(13, 20), new TimeSpan(4, 55, 0), AircraftSeating.SingleAisle),
        new("AA1677", "DCA", "LAX", new TimeOnly(23, 0), new TimeSpan(5, 40, 0), AircraftSeating.SingleAisle),
        new("UA1180", "SFO", "ORD", new TimeOnly(15, 5), new TimeSpan(4, 20, 0), AircraftSeating.SingleAisle),
        new("DL1410", "ATL", "JFK", new TimeOnly(13, 0), new TimeSpan(2, 15, 0), AircraftSeating.SingleAisle),
        new("BA117", "LHR", "JFK", new TimeOnly(11, 20), new TimeSpan(8, 5, 0), AircraftSeating.TwinAisle),
        new("LH400", "FRA", "JFK", new TimeOnly(9, 55), new TimeSpan(8, 50, 0), AircraftSeating.TwinAisle),
    ];

    /// <summary>Every route on each of the <see cref="Days"/> days starting with <paramref name="firstDay"/> (UTC).</summary>
    public static IEnumerable<Flight> Flights(DateOnly firstDay) =>
        from offset in Enumerable.Range(0, Days)
        from route in Routes
        let departure = firstDay.AddDays(offset).ToDateTime(route.DepartureTimeUtc, DateTimeKind.Utc)
        select new Flight
        {
            FlightId = Guid.CreateVersion7(),
            FlightNo = route.FlightNo,
            OriginCode = route.OriginCode,
            DestinationCode = route.DestinationCode,
            DepartureTime = departure,
            ArrivalTime = departure + route.Duration,
        };

    public static IEnumerable<SeatMap> SeatMaps() =>
        Routes.Select(route => new SeatMap { FlightNo = route.FlightNo, Layout = SeatLayoutGenerator.Generate(route.Seating) });
}
