namespace Flights.Api.Seating;

/// <summary>The cabin plans of the aircraft the demo routes fly.</summary>
public static class AircraftSeating
{
    /// <summary>A321-like: 16 business and 156 economy seats.</summary>
    public static IReadOnlyList<CabinPlan> SingleAisle { get; } =
    [
        new("business", 1, 4, "AC DF"),
        new("economy", 5, 30, "ABC DEF") { ExitRows = [12, 13] },
    ];

    /// <summary>777-like: 32 business (every seat on an aisle), 35 premium economy and 260 economy seats.</summary>
    public static IReadOnlyList<CabinPlan> TwinAisle { get; } =
    [
        new("business", 1, 8, "A DG K"),
        new("premium_economy", 10, 14, "AC DEF HK"),
        new("economy", 20, 45, "ABC DEFG HJK") { ExitRows = [30] },
    ];
}
