namespace Gateway.Model;

/// <summary>The seat a reservation should move to, as a client sends it; every field may be missing until validated.</summary>
public sealed record RebookingRequest(string? FlightId, string? SeatNum);

/// <summary>
/// A rebooking that moved the customer to <see cref="Reservation"/>. <see cref="Completed"/> is false while the
/// original seat is still to be released (Reservations.Api did not answer); the gateway releases it as soon as it can.
/// </summary>
public sealed record RebookingAnswer(string RebookingId, string Outcome, bool Completed, Reservation Reservation, Reservation Original);
