using System.Net;
using Gateway.Authentication;
using Gateway.Model;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Gateway.Clients;

/// <summary>Reservations.Api, addressed as <c>http://reservations</c> through service discovery.</summary>
public sealed class ReservationsClient(HttpClient http, IOptions<JsonOptions> json, DependencyOutages outages)
    : ServiceClient(http, json.Value.SerializerOptions, outages, "Reservations.Api")
{
    /// <returns>Seat number → customer id of every reserved seat of the flight.</returns>
    public async Task<IReadOnlyDictionary<string, string>> GetReservationsAsync(Guid flightId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(
            AccessTokenHandler.UseGatewayToken(new HttpRequestMessage(HttpMethod.Get, $"/reservations?flight_id={flightId}")), cancellationToken);
        return await ReadAsync<Dictionary<string, string>>(response, cancellationToken);
    }

    /// <summary>What Reservations.Api answers in one call; a day of one route is far fewer flights.</summary>
    private const int TakenSeatsFlightsPerCall = 100;

    /// <returns>Flight id → the seats nobody else can have (reserved or held), for every flight asked for.</returns>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> GetTakenSeatsAsync(
        IReadOnlyCollection<Guid> flightIds, CancellationToken cancellationToken)
    {
        var answers = await Task.WhenAll(flightIds.Chunk(TakenSeatsFlightsPerCall).Select(async chunk =>
        {
            var query = string.Join('&', chunk.Select(id => $"flight_id={id}"));
            using var response = await SendAsync(
                AccessTokenHandler.UseGatewayToken(new HttpRequestMessage(HttpMethod.Get, $"/reservations/taken_seats?{query}")), cancellationToken);
            return await ReadAsync<Dictionary<string, List<string>>>(response, cancellationToken);
        }));

        return answers.SelectMany(answer => answer).ToDictionary(entry => entry.Key, entry => (IReadOnlyList<string>)entry.Value);
    }

    /// <summary>Every seat the customer holds (asked with the customer's own token).</summary>
    public async Task<IReadOnlyList<Reservation>> GetCustomerReservationsAsync(string customerId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(
            new HttpRequestMessage(HttpMethod.Get, $"/customers/{Uri.EscapeDataString(customerId)}/reservations"), cancellationToken);
        return await ReadAsync<List<Reservation>>(response, cancellationToken);
    }

    public async Task<ServiceReply<Reservation>> ReserveAsync(Reservation reservation, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(
            new HttpRequestMessage(HttpMethod.Put, "/reservations") { Content = JsonContent.Create(reservation, options: Json) },
            cancellationToken);
        return response.IsSuccessStatusCode
            ? new ServiceReply<Reservation>(response.StatusCode, await ReadAsync<Reservation>(response, cancellationToken), null)
            : new ServiceReply<Reservation>(response.StatusCode, null, await ReadProblemAsync(response, cancellationToken));
    }

    public async Task<ServiceReply<Reservation>> CancelAsync(string flightId, string seatNum, string customerId, CancellationToken cancellationToken)
    {
        var path = $"/reservations/{Uri.EscapeDataString(flightId)}/{Uri.EscapeDataString(seatNum)}?customer_id={Uri.EscapeDataString(customerId)}";
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Delete, path), cancellationToken);
        return response.StatusCode == HttpStatusCode.NoContent
            ? new ServiceReply<Reservation>(response.StatusCode, null, null)
            : new ServiceReply<Reservation>(response.StatusCode, null, await ReadProblemAsync(response, cancellationToken));
    }
}
