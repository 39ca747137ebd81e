namespace Reservations.Api.Model;

public enum ReleaseOutcome
{
    Released,
    NotReserved,
    HeldByAnotherCustomer,
}
