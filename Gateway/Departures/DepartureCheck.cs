using Gateway.Model;
using Microsoft.AspNetCore.Mvc;

namespace Gateway.Departures;

/// <summary>
/// The one rule for flights that have left: once its departure time has passed, a flight can no longer be held,
/// booked or rebooked, and its seat chart says so. Time is the gateway's <see cref="TimeProvider"/>.
/// </summary>
public sealed class DepartureCheck(TimeProvider time)
{
    public const string Title = "flight has departed";

    public bool HasDeparted(Flight flight) => flight.DepartureTime <= time.GetUtcNow().UtcDateTime;

    /// <summary>The 409 that refuses a hold, booking or rebooking of a departed flight.</summary>
    public static ProblemDetails Refusal(Flight flight) => new()
    {
        Status = StatusCodes.Status409Conflict,
        Title = Title,
        Detail = $"{Title}: {flight.FlightNo} left {flight.OriginCode} at {flight.DepartureTime:yyyy-MM-ddTHH:mm:ssZ}; its seats can no longer be held or booked.",
    };
}
