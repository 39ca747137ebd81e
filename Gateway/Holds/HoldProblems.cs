using Gateway.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Gateway.Holds;

/// <summary>The problems the gateway itself answers about a hold request's form.</summary>
public static class HoldProblems
{
    public const int MaxSeats = 9;

    public static HttpValidationProblemDetails Invalid(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] }) { Status = StatusCodes.Status400BadRequest };

    /// <summary>The form of a hold request: a flight id and 1 to <see cref="MaxSeats"/> distinct seats. Whether the seats exist is the seat map's to say.</summary>
    public static Dictionary<string, string[]> Validate(HoldRequest? request)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Guid.TryParse(request?.FlightId, out _))
        {
            errors["flight_id"] = ["flight_id is required and must be a UUID."];
        }

        var seats = request?.Seats;
        if (seats is null || seats.Count is 0 or > MaxSeats)
        {
            errors["seats"] = [$"seats must list 1 to {MaxSeats} seats."];
        }
        else if (seats.Any(string.IsNullOrWhiteSpace))
        {
            errors["seats"] = ["Every seat must be a seat number such as 12C."];
        }
        else if (seats.Distinct().Count() != seats.Count)
        {
            errors["seats"] = ["Each seat may be listed once."];
        }

        return errors;
    }
}
