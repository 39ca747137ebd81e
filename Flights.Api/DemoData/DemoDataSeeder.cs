using Flights.Api.Data;
using Microsoft.EntityFrameworkCore;
using ServiceDefaults.MySql;

namespace Flights.Api.DemoData;

public sealed class DemoDataSeeder : IDatabaseSeeder<FlightsContext>
{
    public string StepName => "seed demo flights";

    public async Task<string> SeedAsync(FlightsContext context, CancellationToken cancellationToken) =>
        $"{await TopUpAsync(context, DateOnly.FromDateTime(DateTime.UtcNow), cancellationToken)} demo flights added";

    /// <summary>
    /// Makes sure the demo schedule flies on each of the <see cref="DemoSchedule.Days"/> days from
    /// <paramref name="firstDay"/> on, whenever the database was first seeded, and that every demo route has its
    /// seat map. Adds only what is missing; answers how many flights it added.
    /// </summary>
    public static async Task<int> TopUpAsync(FlightsContext context, DateOnly firstDay, CancellationToken cancellationToken)
    {
        var start = firstDay.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var end = start.AddDays(DemoSchedule.Days);
        var scheduled = await context.Flights
            .Where(f => f.DepartureTime >= start && f.DepartureTime < end)
            .Select(f => new { f.FlightNo, f.DepartureTime })
            .ToListAsync(cancellationToken);
        var existing = scheduled.Select(f => (f.FlightNo, f.DepartureTime)).ToHashSet();
        var missing = DemoSchedule.Flights(firstDay).Where(f => !existing.Contains((f.FlightNo, f.DepartureTime))).ToList();
        var existingSeatMaps = await context.SeatMaps.Select(s => s.FlightNo).ToListAsync(cancellationToken);

        context.Flights.AddRange(missing);
        context.SeatMaps.AddRange(DemoSchedule.SeatMaps().Where(s => !existingSeatMaps.Contains(s.FlightNo)));
        await context.SaveChangesAsync(cancellationToken);

        return missing.Count;
    }
}
