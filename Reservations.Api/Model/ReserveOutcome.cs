namespace Reservations.Api.Model;

public enum ReserveOutcome
{
    Reserved,
    AlreadyHeldBySameCustomer,
    HeldByAnotherCustomer,

    /// <summary>The seat is in one of the customer's own live holds: confirming the hold reserves it.</summary>
    InCustomersHold,
}
