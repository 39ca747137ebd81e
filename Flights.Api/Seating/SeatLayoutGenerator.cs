using Flights.Api.Model;

namespace Flights.Api.Seating;

/// <summary>Builds a seat layout, seat by seat, from the plans of its cabins.</summary>
public static class SeatLayoutGenerator
{
    public static SeatLayout Generate(IEnumerable<CabinPlan> cabins) => new([.. cabins.Select(GenerateCabin)]);

    private static Cabin GenerateCabin(CabinPlan plan) =>
        new(plan.CabinClass, [.. Enumerable.Range(plan.FirstRow, plan.LastRow - plan.FirstRow + 1).Select(row => GenerateRow(plan, row))]);

    private static SeatRow GenerateRow(CabinPlan plan, int row)
    {
        var rowFeatures = RowFeatures(plan, row);
        var blocks = plan.SeatLetters.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var seats = new List<Seat>();

        for (var block = 0; block < blocks.Length; block++)
        {
            var letters = blocks[block];
            for (var position = 0; position < letters.Length; position++)
            {
                var isWindow = (block == 0 && position == 0) || (block == blocks.Length - 1 && position == letters.Length - 1);
                var isAisle = (block > 0 && position == 0) || (block < blocks.Length - 1 && position == letters.Length - 1);
                seats.Add(new Seat($"{row}{letters[position]}", [.. PositionFeatures(isWindow, isAisle), .. rowFeatures]));
            }
        }

        return new SeatRow(row, seats);
    }

    private static IEnumerable<SeatFeature> PositionFeatures(bool isWindow, bool isAisle)
    {
        if (isWindow)
        {
            yield return SeatFeature.Window;
        }

        if (isAisle)
        {
            yield return SeatFeature.Aisle;
        }

        if (!isWindow && !isAisle)
        {
            yield return SeatFeature.Middle;
        }
    }

    /// <summary>Exit rows and the first row of a cabin (behind a bulkhead) have room to stretch.</summary>
    private static SeatFeature[] RowFeatures(CabinPlan plan, int row) =>
        plan.ExitRows.Contains(row) ? [SeatFeature.ExitRow, SeatFeature.ExtraLegroom]
        : row == plan.FirstRow ? [SeatFeature.ExtraLegroom]
        : [];
}
