using Microsoft.AspNetCore.Mvc;

namespace Flights.Api.Apis;

/// <summary>The query string of <c>GET /flights</c>, as sent: strings, so that a malformed value is a clear 400.</summary>
public sealed record FlightSearchQuery(
    [FromQuery(Name = FlightSearchQuery.FlightNoName)] string? FlightNo,
    [FromQuery(Name = FlightSearchQuery.OriginCodeName)] string? OriginCode,
    [FromQuery(Name = FlightSearchQuery.DestinationCodeName)] string? DestinationCode,
    [FromQuery(Name = FlightSearchQuery.DateName)] string? Date)
{
    public const string FlightNoName = "flight_no";
    public const string OriginCodeName = "origin_code";
    public const string DestinationCodeName = "destination_code";
    public const string DateName = "date";

    public static IReadOnlyList<string> ParameterNames { get; } = [FlightNoName, OriginCodeName, DestinationCodeName, DateName];
}
