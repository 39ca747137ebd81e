using Gateway.Availability;
using Gateway.Bookable;
using Gateway.Clients;
using Gateway.Departures;
using Gateway.SeatCharts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Gateway.Apis;

/// <summary>Flights for anyone: which flights of a day have room, and the seat chart of one flight.</summary>
public static class FlightsApi
{
    public static IEndpointRouteBuilder MapFlightsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/flights")
            .WithTags("Flights")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapGet("", SearchAvailability)
            .WithName("SearchFlights")
            .WithSummary("The flights of a route on a day, with the seats still available")
            .WithDescription("200 in order of departure, each with seats_total, seats_available, its cabins cheapest first and cheapest_cabin, "
                             + "the cheapest with room for all passengers (1 to 9; without it every flight of the day); "
                             + "400 naming a missing or malformed origin_code, destination_code, date or passengers.")
            .ProducesValidationProblem();

        api.MapGet("/{flight_id}/seats", GetSeatChart)
            .WithName("GetSeatChart")
            .WithSummary("A flight's seat map with whether each seat is available")
            .WithDescription("200 the flight, its seat map with `available` on every seat (never who holds it), seats_total and seats_available; "
                             + "404 unknown flight or no seat map; 400 a flight_id that is not a UUID.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<FlightAvailability>>, ValidationProblem>> SearchAvailability(
        [FromQuery(Name = "origin_code")] string? originCode,
        [FromQuery(Name = "destination_code")] string? destinationCode,
        [FromQuery(Name = "date")] string? date,
        [FromQuery(Name = "passengers")] string? passengers,
        AvailabilitySearch search,
        CancellationToken cancellationToken)
    {
        if (!AvailabilityQuery.TryCreate(originCode, destinationCode, date, passengers, out var query, out var errors))
        {
            return TypedResults.ValidationProblem(errors);
        }

        return TypedResults.Ok(await search.SearchAsync(query, cancellationToken));
    }

    public static async Task<Results<Ok<SeatChart>, ProblemHttpResult, ValidationProblem>> GetSeatChart(
        [FromRoute(Name = "flight_id")] string flightId,
        FlightsClient flights,
        ReservationsClient reservations,
        DepartureCheck departures,
        CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(flightId, out var id))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["flight_id"] = ["flight_id must be a UUID."] });
        }

        var flight = await flights.GetFlightAsync(id, cancellationToken);
        if (flight is null)
        {
            return TypedResults.Problem(BookabilityProblems.FlightNotFound(flightId));
        }

        var seatMap = flights.GetSeatMapAsync(flight.FlightNo, cancellationToken);
        var taken = reservations.GetTakenSeatsAsync(flight.FlightId, cancellationToken);
        if (await seatMap is not { } map)
        {
            return TypedResults.Problem(BookabilityProblems.SeatMapNotFound(flight));
        }

        return TypedResults.Ok(SeatChart.Compose(flight, map, await taken, departures.HasDeparted(flight)));
    }
}
