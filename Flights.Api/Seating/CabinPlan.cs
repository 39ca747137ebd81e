namespace Flights.Api.Seating;

/// <summary>
/// How one cabin is laid out: its rows, and its seat letters from window to window with a space for each
/// aisle, e.g. <c>"ABC DEF"</c> for the three-and-three seating of a single-aisle economy cabin.
/// </summary>
public sealed record CabinPlan(string CabinClass, int FirstRow, int LastRow, string SeatLetters)
{
    /// <summary>Rows at an emergency exit; they come with extra legroom.</summary>
    public IReadOnlyCollection<int> ExitRows { get; init; } = [];
}
