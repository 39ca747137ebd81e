using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Gateway.Availability;

/// <summary>A checked search for flights with room: one route, one UTC day, and how many travel together.</summary>
public sealed record AvailabilityQuery(string OriginCode, string DestinationCode, DateOnly Date, int? Passengers)
{
    public const int MaxPassengers = 9;

    /// <summary>Checks the query as the client sent it; <paramref name="errors"/> is keyed by query parameter name.</summary>
    public static bool TryCreate(
        string? originCode,
        string? destinationCode,
        string? date,
        string? passengers,
        [NotNullWhen(true)] out AvailabilityQuery? query,
        out Dictionary<string, string[]> errors)
    {
        errors = [];
        query = null;

        if (!IsAirportCode(originCode))
        {
            errors["origin_code"] = ["origin_code is required: a 3-letter airport code."];
        }

        if (!IsAirportCode(destinationCode))
        {
            errors["destination_code"] = ["destination_code is required: a 3-letter airport code."];
        }

        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            errors["date"] = ["date is required: a UTC day as yyyy-MM-dd."];
        }

        int? travellers = null;
        if (passengers is not null)
        {
            if (int.TryParse(passengers, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count is >= 1 and <= MaxPassengers)
            {
                travellers = count;
            }
            else
            {
                errors["passengers"] = [$"passengers, when given, is a whole number from 1 to {MaxPassengers}."];
            }
        }

        if (errors.Count > 0)
        {
            return false;
        }

        query = new AvailabilityQuery(originCode!.ToUpperInvariant(), destinationCode!.ToUpperInvariant(), day, travellers);
        return true;
    }

    private static bool IsAirportCode([NotNullWhen(true)] string? code) => code is { Length: 3 } && code.All(char.IsAsciiLetter);
}
