namespace Gateway.Model;

/// <summary>A seat held by a customer, as Reservations.Api describes it.</summary>
public sealed record Reservation(string FlightId, string SeatNum, string CustomerId);

/// <summary>
/// A booking request as a client sends it; every field may be missing until validated. The customer is the
/// signed-in one: <c>customer_id</c> is optional and, when given, must be theirs.
/// </summary>
public sealed record ReservationRequest(string? FlightId, string? SeatNum, string? CustomerId);
