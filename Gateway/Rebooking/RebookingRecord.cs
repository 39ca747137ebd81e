using Gateway.Model;

namespace Gateway.Rebooking;

/// <summary>
/// Where a rebooking stands, as its journal in Redis records it. The step decides how an interrupted rebooking ends:
/// before the new seat is the customer's for certain it is compensated, from <see cref="ReleasingOriginal"/> on finished.
/// </summary>
public enum RebookingStep
{
    /// <summary>The new seat is being reserved; whether it was is not known.</summary>
    ReservingNew,

    /// <summary>The new seat is the customer's: the original is being released.</summary>
    ReleasingOriginal,

    /// <summary>Compensating: the new seat, if it was reserved, is being released.</summary>
    ReleasingNew,

    /// <summary>Done: the customer holds the new seat only.</summary>
    Rebooked,

    /// <summary>Done: the customer holds the original seat only.</summary>
    KeptOriginal,
}

/// <summary>A rebooking of <see cref="Original"/> to <see cref="Requested"/>, both in the name of <see cref="CustomerId"/>.</summary>
public sealed record RebookingRecord(string Id, string CustomerId, Reservation Original, Reservation Requested, RebookingStep Step)
{
    public static RebookingRecord Start(string customerId, Reservation original, Reservation requested) =>
        new(Guid.NewGuid().ToString("N"), customerId, original, requested, RebookingStep.ReservingNew);
}
