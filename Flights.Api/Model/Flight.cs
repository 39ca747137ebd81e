namespace Flights.Api.Model;

/// <summary>One departure of a flight number on one day. Times are UTC.</summary>
public sealed class Flight
{
    public required Guid FlightId { get; init; }

    public required string FlightNo { get; init; }

    public required string OriginCode { get; init; }

    public required string DestinationCode { get; init; }

    public required DateTime DepartureTime { get; init; }

    public required DateTime ArrivalTime { get; init; }
}
