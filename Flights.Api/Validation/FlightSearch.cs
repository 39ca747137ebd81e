using System.Diagnostics.CodeAnalysis;
using Flights.Api.Apis;

namespace Flights.Api.Validation;

/// <summary>A checked and normalised flight search: at least one criterion, each well-formed.</summary>
public sealed record FlightSearch(string? FlightNo, string? OriginCode, string? DestinationCode, DateOnly? Date)
{
    public const string NoCriterion = "Give at least one of flight_no, origin_code, destination_code and date.";

    /// <summary>Checks a query as the client sent it; <paramref name="errors"/> is keyed by query parameter name.</summary>
    public static bool TryCreate(
        FlightSearchQuery query,
        [NotNullWhen(true)] out FlightSearch? search,
        out Dictionary<string, string[]> errors)
    {
        errors = [];
        search = null;

        if (query is { FlightNo: null, OriginCode: null, DestinationCode: null, Date: null })
        {
            foreach (var name in FlightSearchQuery.ParameterNames)
            {
                errors[name] = [NoCriterion];
            }

            return false;
        }

        string? flightNo = null;
        if (query.FlightNo is not null && !FlightInput.TryNormalizeFlightNo(query.FlightNo, out flightNo))
        {
            errors[FlightSearchQuery.FlightNoName] = [FlightInput.FlightNoRule];
        }

        string? originCode = null;
        if (query.OriginCode is not null && !FlightInput.TryNormalizeAirportCode(query.OriginCode, out originCode))
        {
            errors[FlightSearchQuery.OriginCodeName] = [FlightInput.AirportCodeRule];
        }

        string? destinationCode = null;
        if (query.DestinationCode is not null && !FlightInput.TryNormalizeAirportCode(query.DestinationCode, out destinationCode))
        {
            errors[FlightSearchQuery.DestinationCodeName] = [FlightInput.AirportCodeRule];
        }

        DateOnly? date = null;
        if (query.Date is not null)
        {
            if (FlightInput.TryParseDate(query.Date, out var day))
            {
                date = day;
            }
            else
            {
                errors[FlightSearchQuery.DateName] = [FlightInput.DateRule];
            }
        }

        if (errors.Count > 0)
        {
            return false;
        }

        search = new FlightSearch(flightNo, originCode, destinationCode, date);
        return true;
    }
}
