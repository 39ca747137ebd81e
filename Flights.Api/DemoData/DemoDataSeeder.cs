using Flights.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Flights.Api.DemoData;

public static class DemoDataSeeder
{
    /// <summary>
    /// Fills an empty flights table with the demo schedule from <paramref name="firstDay"/> on, and adds the
    /// seat maps it lacks. Answers how many flights it added: none when the table already held some.
    /// </summary>
    public static async Task<int> SeedIfEmptyAsync(FlightsContext context, DateOnly firstDay, CancellationToken cancellationToken)
    {
        if (await context.Flights.AnyAsync(cancellationToken))
        {
            return 0;
        }

        var flights = DemoSchedule.Flights(firstDay).ToList();
        var existingSeatMaps = await context.SeatMaps.Select(s => s.FlightNo).ToListAsync(cancellationToken);

        context.Flights.AddRange(flights);
        context.SeatMaps.AddRange(DemoSchedule.SeatMaps().Where(s => !existingSeatMaps.Contains(s.FlightNo)));
        await context.SaveChangesAsync(cancellationToken);

        return flights.Count;
    }
}
