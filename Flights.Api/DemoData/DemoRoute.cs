using Flights.Api.Seating;

namespace Flights.Api.DemoData;

/// <summary>A flight number of the demo schedule: it flies every day at the same UTC time.</summary>
public sealed record DemoRoute(
    string FlightNo,
    string OriginCode,
    string DestinationCode,
    TimeOnly DepartureTimeUtc,
    TimeSpan Duration,
    IReadOnlyList<CabinPlan> Seating);
