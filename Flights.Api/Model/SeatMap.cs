namespace Flights.Api.Model;

/// <summary>The seating of the aircraft that flies a flight number, the same on every day it flies.</summary>
public sealed class SeatMap
{
    public required string FlightNo { get; init; }

    public required SeatLayout Layout { get; init; }
}
