namespace Reservations.Api.Model;

/// <summary>Either the hold placed, or the requested seats someone else has reserved or holds.</summary>
public sealed record HoldPlacement(Hold? Hold, IReadOnlyList<string> TakenSeats);

public enum ConfirmOutcome
{
    Confirmed,
    AlreadyConfirmed,
    NotFound,
    NotYours,
    Expired,
}

public enum HoldReleaseOutcome
{
    Released,
    NotFound,
    NotYours,
    AlreadyConfirmed,
}
