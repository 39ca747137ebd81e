using Flights.Api.Model;
using Flights.Api.Validation;

namespace Flights.Api.Data;

public static class FlightQueries
{
    public static IQueryable<Flight> Matching(this IQueryable<Flight> flights, FlightSearch search)
    {
        if (search.FlightNo is { } flightNo)
        {
            flights = flights.Where(f => f.FlightNo == flightNo);
        }

        if (search.OriginCode is { } originCode)
        {
            flights = flights.Where(f => f.OriginCode == originCode);
        }

        if (search.DestinationCode is { } destinationCode)
        {
            flights = flights.Where(f => f.DestinationCode == destinationCode);
        }

        if (search.Date is { } date)
        {
            var dayStart = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            var nextDayStart = dayStart.AddDays(1);
            flights = flights.Where(f => f.DepartureTime >= dayStart && f.DepartureTime < nextDayStart);
        }

        return flights;
    }
}
