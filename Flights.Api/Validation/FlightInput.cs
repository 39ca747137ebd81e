using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Flights.Api.Validation;

/// <summary>The rules for what a client may send as a flight number, airport code or date, and their normal form.</summary>
public static partial class FlightInput
{
    public const string FlightNoRule = "A flight number is a 2- or 3-letter airline code and 1 to 4 digits, e.g. AA2532.";
    public const string AirportCodeRule = "An airport code is exactly 3 letters, e.g. LAX.";
    public const string DateRule = "A date is a UTC day written yyyy-MM-dd, e.g. 2026-12-01.";
    public const string FlightIdRule = "A flight id is a UUID, e.g. 0192f7a0-8d0c-7bd3-9e55-1a2b3c4d5e6f.";

    /// <summary>Accepts any letter case and answers the upper-case form.</summary>
    public static bool TryNormalizeFlightNo(string? value, [NotNullWhen(true)] out string? flightNo)
    {
        flightNo = value is not null && FlightNoPattern().IsMatch(value) ? value.ToUpperInvariant() : null;
        return flightNo is not null;
    }

    /// <summary>Accepts any letter case and answers the upper-case form.</summary>
    public static bool TryNormalizeAirportCode(string? value, [NotNullWhen(true)] out string? airportCode)
    {
        airportCode = value is not null && AirportCodePattern().IsMatch(value) ? value.ToUpperInvariant() : null;
        return airportCode is not null;
    }

    public static bool TryParseDate(string? value, out DateOnly date) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static bool TryParseFlightId(string? value, out Guid flightId) => Guid.TryParse(value, out flightId);

    [GeneratedRegex(@"^[A-Za-z]{2,3}[0-9]{1,4}\z")]
    private static partial Regex FlightNoPattern();

    [GeneratedRegex(@"^[A-Za-z]{3}\z")]
    private static partial Regex AirportCodePattern();
}
