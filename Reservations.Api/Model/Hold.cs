namespace Reservations.Api.Model;

/// <summary>Seats of one flight kept for a customer until <see cref="ExpiresAt"/> (UTC), unless confirmed or released first.</summary>
public sealed record Hold(string HoldId, string FlightId, string CustomerId, IReadOnlyList<string> Seats, DateTime ExpiresAt);

/// <summary>The body of <c>POST /holds</c> as the client sent it, before validation. The customer is the token's.</summary>
public sealed record HoldRequest(string? FlightId, IReadOnlyList<string?>? Seats);

/// <summary>A hold turned into reservations.</summary>
public sealed record HoldConfirmation(string HoldId, IReadOnlyList<Reservation> Reservations);

/// <summary>The seats of a flight no one else can take: reserved (seat → customer) and held.</summary>
public sealed record TakenSeats(IReadOnlyDictionary<string, string> Reserved, IReadOnlyList<string> Held);

/// <summary>A customer's reservations and live holds.</summary>
public sealed record CustomerBookings(IReadOnlyList<Reservation> Reservations, IReadOnlyList<Hold> Holds);
