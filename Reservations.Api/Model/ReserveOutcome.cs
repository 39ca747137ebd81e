namespace Reservations.Api.Model;

public enum ReserveOutcome
{
    Reserved,
    AlreadyHeldBySameCustomer,
    HeldByAnotherCustomer,
}
