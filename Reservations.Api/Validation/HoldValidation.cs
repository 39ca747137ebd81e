using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Reservations.Api.Holds;
using Reservations.Api.Model;

namespace Reservations.Api.Validation;

public static partial class ReservationValidator
{
    public const string SeatsField = "seats";
    public const string HoldIdField = "hold_id";

    /// <summary>A flight id and 1 to <see cref="HoldOptions.MaxSeats"/> distinct, well-formed seats.</summary>
    public static bool TryValidateHold(
        HoldRequest? request,
        [NotNullWhen(true)] out string? flightId,
        [NotNullWhen(true)] out IReadOnlyList<string>? seats,
        out Dictionary<string, string[]> errors)
    {
        errors = [];
        flightId = ValidOrNull(FlightIdField, request?.FlightId, Identifier(), IdentifierRequirement, errors);
        seats = ValidSeatsOrNull(request?.Seats, errors);
        return flightId is not null && seats is not null;
    }

    public static bool TryValidateHoldId([NotNullWhen(true)] string? holdId, out Dictionary<string, string[]> errors)
    {
        errors = [];
        return IsValid(HoldIdField, holdId, HoldId(), "32 lowercase hexadecimal digits", errors);
    }

    private static string[]? ValidSeatsOrNull(IReadOnlyList<string?>? seats, Dictionary<string, string[]> errors)
    {
        if (seats is null || seats.Count is 0 or > HoldOptions.MaxSeats)
        {
            errors[SeatsField] = [$"{SeatsField} must list 1 to {HoldOptions.MaxSeats} seats."];
            return null;
        }

        var malformed = seats.Where(seat => seat is null || !SeatNum().IsMatch(seat)).ToList();
        if (malformed.Count > 0)
        {
            errors[SeatsField] = [$"Every seat must be {SeatNumRequirement}; not {string.Join(", ", malformed.Select(seat => seat ?? "null"))}."];
            return null;
        }

        var duplicates = seats.GroupBy(seat => seat).Where(group => group.Count() > 1).Select(group => group.Key).ToList();
        if (duplicates.Count > 0)
        {
            errors[SeatsField] = [$"Each seat may be listed once; {string.Join(", ", duplicates)} is listed more than once."];
            return null;
        }

        return [.. seats.Select(seat => seat!)];
    }

    [GeneratedRegex(@"^[0-9a-f]{32}\z")]
    private static partial Regex HoldId();
}
