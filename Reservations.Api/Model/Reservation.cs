namespace Reservations.Api.Model;

/// <summary>A seat of a flight held by a customer.</summary>
public sealed record Reservation(string FlightId, string SeatNum, string CustomerId);
