using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Reservations.Api.Model;

namespace Reservations.Api.Validation;

/// <summary>
/// Checks reservation fields as clients send them. Errors are keyed by the field's JSON (snake_case) name.
/// </summary>
public static partial class ReservationValidator
{
    public const string FlightIdField = "flight_id";
    public const string SeatNumField = "seat_num";
    public const string CustomerIdField = "customer_id";

    public const int MaxFlightsPerRequest = 100;

    private const string IdentifierRequirement = "1 to 64 printable ASCII characters without spaces";
    private const string SeatNumRequirement = "a row from 1 to 999 followed by a seat letter from A to K, such as 12C";

    public static bool TryValidate(
        string? flightId,
        string? seatNum,
        string? customerId,
        [NotNullWhen(true)] out Reservation? reservation,
        out Dictionary<string, string[]> errors)
    {
        errors = [];
        var validFlightId = ValidOrNull(FlightIdField, flightId, Identifier(), IdentifierRequirement, errors);
        var validSeatNum = ValidOrNull(SeatNumField, seatNum, SeatNum(), SeatNumRequirement, errors);
        var validCustomerId = ValidOrNull(CustomerIdField, customerId, Identifier(), IdentifierRequirement, errors);

        reservation = validFlightId is not null && validSeatNum is not null && validCustomerId is not null
            ? new Reservation(validFlightId, validSeatNum, validCustomerId)
            : null;
        return reservation is not null;
    }

    public static bool TryValidateFlightId([NotNullWhen(true)] string? flightId, out Dictionary<string, string[]> errors)
    {
        errors = [];
        return IsValid(FlightIdField, flightId, Identifier(), IdentifierRequirement, errors);
    }

    /// <summary>One to <see cref="MaxFlightsPerRequest"/> flight ids, each well-formed.</summary>
    public static bool TryValidateFlightIds(IReadOnlyCollection<string> flightIds, out Dictionary<string, string[]> errors)
    {
        errors = [];
        if (flightIds.Count is 0 or > MaxFlightsPerRequest)
        {
            errors[FlightIdField] = [$"Give flight_id 1 to {MaxFlightsPerRequest} times."];
            return false;
        }

        foreach (var flightId in flightIds)
        {
            if (!IsValid(FlightIdField, flightId, Identifier(), IdentifierRequirement, errors))
            {
                return false;
            }
        }

        return true;
    }

    public static bool TryValidateCustomerId([NotNullWhen(true)] string? customerId, out Dictionary<string, string[]> errors)
    {
        errors = [];
        return IsValid(CustomerIdField, customerId, Identifier(), IdentifierRequirement, errors);
    }

    private static string? ValidOrNull(
        string field, string? value, Regex pattern, string requirement, Dictionary<string, string[]> errors) =>
        IsValid(field, value, pattern, requirement, errors) ? value : null;

    private static bool IsValid(
        string field,
        [NotNullWhen(true)] string? value,
        Regex pattern,
        string requirement,
        Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            errors[field] = [$"{field} is required."];
            return false;
        }

        if (!pattern.IsMatch(value))
        {
            errors[field] = [$"{field} must be {requirement}."];
            return false;
        }

        return true;
    }

    // \z rather than $: $ would also accept a trailing newline.
    [GeneratedRegex(@"^[\x21-\x7E]{1,64}\z")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"^[1-9][0-9]{0,2}[A-K]\z")]
    private static partial Regex SeatNum();
}
