using Flights.Api.Caching;
using Flights.Api.Data;
using Flights.Api.Model;
using Flights.Api.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Flights.Api.Apis;

public static class FlightsApi
{
    private const string FlightIdName = "flight_id";

    public const int MaxLookupIds = 100;

    public static IEndpointRouteBuilder MapFlightsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/flights")
            .WithTags("Flights")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .CacheOutput(ReadCaching.PolicyName);

        api.MapGet("", SearchFlights)
            .WithName(nameof(SearchFlights))
            .WithSummary("Flights by flight number, route and/or UTC day of departure, in order of departure")
            .Produces<List<Flight>>();

        api.MapGet("/seating", SearchFlightSeating)
            .WithName(nameof(SearchFlightSeating))
            .WithSummary("The flights of a search with the seat numbers of each of their cabins, in one answer (for availability counts)")
            .Produces<List<FlightSeating>>();

        api.MapGet("/lookup", LookupFlights)
            .WithName(nameof(LookupFlights))
            .WithSummary($"The flights of up to {MaxLookupIds} ids (flight_id repeated), in order of departure; unknown ids are left out")
            .Produces<List<Flight>>();

        api.MapGet("/{flight_id}", GetFlight)
            .WithName(nameof(GetFlight))
            .WithSummary("One flight by its id")
            .Produces<Flight>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/{flight_no}/seat_map", GetSeatMap)
            .WithName(nameof(GetSeatMap))
            .WithSummary("The seats of the aircraft that flies a flight number, cabin by cabin")
            .Produces<SeatMapResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }

    public static async Task<Results<FileContentHttpResult, ValidationProblem>> SearchFlights(
        [AsParameters] FlightSearchQuery query,
        FlightsContext context,
        CacheableJson json,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        if (!FlightSearch.TryCreate(query, out var search, out var errors))
        {
            return TypedResults.ValidationProblem(errors);
        }

        var flights = await FlightsMatchingAsync(context, search, cancellationToken);

        return json.Ok(http, flights);
    }

    public static async Task<Results<FileContentHttpResult, ValidationProblem>> SearchFlightSeating(
        [AsParameters] FlightSearchQuery query,
        FlightsContext context,
        CacheableJson json,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        if (!FlightSearch.TryCreate(query, out var search, out var errors))
        {
            return TypedResults.ValidationProblem(errors);
        }

        var flights = await FlightsMatchingAsync(context, search, cancellationToken);
        var flightNos = flights.Select(f => f.FlightNo).Distinct().ToList();
        var seatMaps = await context.SeatMaps.AsNoTracking()
            .Where(s => flightNos.Contains(s.FlightNo))
            .ToDictionaryAsync(s => s.FlightNo, cancellationToken);

        return json.Ok(http, flights.Select(f => FlightSeating.From(f, seatMaps.GetValueOrDefault(f.FlightNo))).ToList());
    }

    public static async Task<Results<FileContentHttpResult, ValidationProblem>> LookupFlights(
        [FromQuery(Name = FlightIdName)] string[]? flightIds,
        FlightsContext context,
        CacheableJson json,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        var ids = new List<Guid>();
        foreach (var flightId in flightIds ?? [])
        {
            if (!FlightInput.TryParseFlightId(flightId, out var id))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [FlightIdName] = [FlightInput.FlightIdRule] });
            }

            ids.Add(id);
        }

        if (ids.Count is 0 or > MaxLookupIds)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [FlightIdName] = [$"Give 1 to {MaxLookupIds} flight ids, each as its own flight_id parameter."],
            });
        }

        var flights = await context.Flights.AsNoTracking()
            .Where(f => ids.Contains(f.FlightId))
            .OrderBy(f => f.DepartureTime)
            .ThenBy(f => f.FlightNo)
            .ToListAsync(cancellationToken);

        return json.Ok(http, flights);
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult, ValidationProblem>> GetFlight(
        [FromRoute(Name = FlightIdName)] string flightId,
        FlightsContext context,
        CacheableJson json,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        if (!FlightInput.TryParseFlightId(flightId, out var id))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [FlightIdName] = [FlightInput.FlightIdRule] });
        }

        var flight = await context.Flights.AsNoTracking().FirstOrDefaultAsync(f => f.FlightId == id, cancellationToken);

        return flight is null
            ? NotFound($"There is no flight with id {id}.")
            : json.Ok(http, flight);
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult, ValidationProblem>> GetSeatMap(
        [FromRoute(Name = FlightSearchQuery.FlightNoName)] string flightNo,
        FlightsContext context,
        CacheableJson json,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        if (!FlightInput.TryNormalizeFlightNo(flightNo, out var normalizedFlightNo))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [FlightSearchQuery.FlightNoName] = [FlightInput.FlightNoRule] });
        }

        var seatMap = await context.SeatMaps.AsNoTracking().FirstOrDefaultAsync(s => s.FlightNo == normalizedFlightNo, cancellationToken);

        return seatMap is null
            ? NotFound($"There is no flight {normalizedFlightNo}.")
            : json.Ok(http, SeatMapResponse.From(seatMap));
    }

    /// <summary>A 404 as problem+json (<c>TypedResults.NotFound(problem)</c> would send it as plain JSON).</summary>
    private static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found.");

    private static Task<List<Flight>> FlightsMatchingAsync(FlightsContext context, FlightSearch search, CancellationToken cancellationToken) =>
        context.Flights.AsNoTracking()
            .Matching(search)
            .OrderBy(f => f.DepartureTime)
            .ThenBy(f => f.FlightNo)
            .ToListAsync(cancellationToken);
}
