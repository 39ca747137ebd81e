using Gateway.Model;
using Microsoft.AspNetCore.Mvc;

namespace Gateway.Rebooking;

public enum RebookingOutcome
{
    /// <summary>The customer holds the new seat and no longer the original.</summary>
    Rebooked,

    /// <summary>The customer holds the new seat; the original could not be released yet and will be by the recovery.</summary>
    RebookedReleasingOriginal,

    /// <summary>The new seat is another customer's (or was refused): the customer keeps the original.</summary>
    SeatTaken,

    /// <summary>Reservations.Api or Redis did not answer before the new seat was the customer's: the customer keeps the original.</summary>
    Unavailable,

    /// <summary>Another rebooking of the same reservation is under way; nothing was done.</summary>
    InProgress,

    ReservationNotFound,

    NotYours,

    FlightNotFound,

    SeatNotFound,

    /// <summary>The new seat is the reservation itself.</summary>
    SameSeat,

    /// <summary>The customer already holds the new seat; nothing was done.</summary>
    AlreadyYours,

    /// <summary>The reservation's flight or the new one has departed (<see cref="RebookingResult.Refusal"/> says which); nothing was done.</summary>
    FlightDeparted,
}

/// <summary>
/// How a rebooking ended and the one seat the customer holds afterwards (<see cref="Held"/>), with the reason given by
/// Reservations.Api when it refused the new seat, or the departure that refused the rebooking.
/// </summary>
public sealed record RebookingResult(RebookingOutcome Outcome, RebookingRecord? Rebooking = null, ProblemDetails? Refusal = null)
{
    public Reservation? Held => Outcome switch
    {
        RebookingOutcome.Rebooked or RebookingOutcome.RebookedReleasingOriginal => Rebooking!.Requested,
        RebookingOutcome.SeatTaken or RebookingOutcome.Unavailable => Rebooking!.Original,
        _ => null,
    };
}
