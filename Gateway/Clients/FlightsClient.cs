using System.Globalization;
using System.Net;
using Gateway.Model;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Gateway.Clients;

/// <summary>
/// Flights.Api, addressed as <c>http://flights</c> through service discovery. Flights and seat maps come
/// from <see cref="FlightsCache"/> while it holds them.
/// </summary>
public sealed class FlightsClient(HttpClient http, IOptions<JsonOptions> json, DependencyOutages outages, FlightsCache cache)
    : ServiceClient(http, json.Value.SerializerOptions, outages, "Flights.Api")
{
    private const int LookupBatchSize = 100;

    public Task<Flight?> GetFlightAsync(Guid flightId, CancellationToken cancellationToken) =>
        cache.GetOrLoadAsync((nameof(Flight), flightId), () =>
            GetOrNullAsync<Flight>($"/flights/{flightId}", cancellationToken));

    public Task<SeatMap?> GetSeatMapAsync(string flightNo, CancellationToken cancellationToken) =>
        cache.GetOrLoadAsync((nameof(SeatMap), flightNo), () =>
            GetOrNullAsync<SeatMap>($"/flights/{Uri.EscapeDataString(flightNo)}/seat_map", cancellationToken));

    /// <summary>The flights of a route on a UTC day, each with its cabins' seat numbers, in one call.</summary>
    public async Task<IReadOnlyList<FlightSeating>> GetSeatingAsync(
        string originCode, string destinationCode, DateOnly date, CancellationToken cancellationToken) =>
        (await cache.GetOrLoadAsync((nameof(FlightSeating), originCode, destinationCode, date), async () =>
        {
            var day = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get,
                $"/flights/seating?origin_code={originCode}&destination_code={destinationCode}&date={day}"), cancellationToken);
            return await ReadAsync<List<FlightSeating>>(response, cancellationToken);
        }))!;

    /// <summary>
    /// The flights of the given ids that exist, by id: those the cache holds, and the rest in one call to Flights.Api
    /// (a batch of up to 100 ids per call).
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, Flight>> GetFlightsAsync(IEnumerable<Guid> flightIds, CancellationToken cancellationToken)
    {
        var found = new Dictionary<Guid, Flight>();
        var missing = new List<Guid>();
        foreach (var flightId in flightIds.Distinct())
        {
            if (cache.TryGet<Flight>((nameof(Flight), flightId), out var cached))
            {
                found[flightId] = cached;
            }
            else
            {
                missing.Add(flightId);
            }
        }

        foreach (var batch in missing.Chunk(LookupBatchSize))
        {
            using var response = await SendAsync(
                new HttpRequestMessage(HttpMethod.Get, "/flights/lookup?" + string.Join('&', batch.Select(id => $"flight_id={id}"))), cancellationToken);
            foreach (var flight in await ReadAsync<List<Flight>>(response, cancellationToken))
            {
                cache.Keep((nameof(Flight), flight.FlightId), flight);
                found[flight.FlightId] = flight;
            }
        }

        return found;
    }

    private async Task<T?> GetOrNullAsync<T>(string path, CancellationToken cancellationToken) where T : class
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, path), cancellationToken);
        return response.StatusCode == HttpStatusCode.NotFound ? null : await ReadAsync<T>(response, cancellationToken);
    }
}
