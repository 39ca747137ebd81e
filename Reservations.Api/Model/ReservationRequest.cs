namespace Reservations.Api.Model;

/// <summary>The body of <c>PUT /reservations</c> as the client sent it, before validation.</summary>
public sealed record ReservationRequest(string? FlightId, string? SeatNum, string? CustomerId);
