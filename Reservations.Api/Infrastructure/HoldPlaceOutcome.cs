namespace Reservations.Api.Infrastructure;

/// <summary>What placing a hold answers first: the hold was placed, or some of its seats were taken.</summary>
internal enum HoldPlaceOutcome
{
    Taken,
    Held,
}
