namespace Flights.Api.Tests.Support;

/// <summary>A flight as the API shows it.</summary>
internal sealed record FlightJson(
    Guid FlightId,
    string FlightNo,
    string OriginCode,
    string DestinationCode,
    DateTime DepartureTime,
    DateTime ArrivalTime)
{
    public DateOnly DepartureDay => DateOnly.FromDateTime(DepartureTime);
}
