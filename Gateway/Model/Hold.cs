namespace Gateway.Model;

/// <summary>Seats of one flight kept for a customer until <see cref="ExpiresAt"/>, as Reservations.Api describes it.</summary>
public sealed record Hold(string HoldId, string FlightId, string CustomerId, IReadOnlyList<string> Seats, DateTime ExpiresAt);

/// <summary>A hold request as a client sends it; every field may be missing until validated. The customer is the signed-in one.</summary>
public sealed record HoldRequest(string? FlightId, IReadOnlyList<string?>? Seats);

/// <summary>A hold and its state (held, confirmed or expired), as Reservations.Api keeps it.</summary>
public sealed record StoredHold(Hold Hold, string State);

/// <summary>A hold turned into reservations.</summary>
public sealed record HoldConfirmation(string HoldId, IReadOnlyList<Reservation> Reservations);

/// <summary>The seats of a flight no one else can take: reserved (seat → customer) and held.</summary>
public sealed record TakenSeats(IReadOnlyDictionary<string, string> Reserved, IReadOnlyList<string> Held);

/// <summary>A customer's reservations and live holds.</summary>
public sealed record CustomerBookings(IReadOnlyList<Reservation> Reservations, IReadOnlyList<Hold> Holds);
