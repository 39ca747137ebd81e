namespace Gateway.Model;

/// <summary>A flight as Flights.Api describes it.</summary>
public sealed record Flight(
    Guid FlightId,
    string FlightNo,
    string OriginCode,
    string DestinationCode,
    DateTime DepartureTime,
    DateTime ArrivalTime);
