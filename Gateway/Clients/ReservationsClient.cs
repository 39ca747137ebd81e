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

    public Task<ServiceReply<Reservation>> ReserveAsync(Reservation reservation, CancellationToken cancellationToken) =>
        SendReserveAsync(ReserveRequest(reservation), cancellationToken);

    /// <summary>Reserves in the customer's name with the gateway's own token, as a rebooking does (also after a crash).</summary>
    public Task<ServiceReply<Reservation>> ReserveForCustomerAsync(Reservation reservation, CancellationToken cancellationToken) =>
        SendReserveAsync(AccessTokenHandler.UseGatewayToken(ReserveRequest(reservation)), cancellationToken);

    public Task<ServiceReply<Reservation>> CancelAsync(string flightId, string seatNum, string customerId, CancellationToken cancellationToken) =>
        SendCancelAsync(CancelRequest(flightId, seatNum, customerId), cancellationToken);

    /// <summary>Releases in the customer's name with the gateway's own token, as a rebooking does (also after a crash).</summary>
    public Task<ServiceReply<Reservation>> ReleaseForCustomerAsync(Reservation reservation, CancellationToken cancellationToken) =>
        SendCancelAsync(AccessTokenHandler.UseGatewayToken(CancelRequest(reservation.FlightId, reservation.SeatNum, reservation.CustomerId)), cancellationToken);

    private HttpRequestMessage ReserveRequest(Reservation reservation) =>
        new(HttpMethod.Put, "/reservations") { Content = JsonBody(reservation) };

    private static HttpRequestMessage CancelRequest(string flightId, string seatNum, string customerId) =>
        new(HttpMethod.Delete,
            $"/reservations/{Uri.EscapeDataString(flightId)}/{Uri.EscapeDataString(seatNum)}?customer_id={Uri.EscapeDataString(customerId)}");

    private async Task<ServiceReply<Reservation>> SendReserveAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(request, cancellationToken);
        return response.IsSuccessStatusCode
            ? new ServiceReply<Reservation>(response.StatusCode, await ReadAsync<Reservation>(response, cancellationToken), null)
            : new ServiceReply<Reservation>(response.StatusCode, null, await ReadProblemAsync(response, cancellationToken));
    }

    private async Task<ServiceReply<Reservation>> SendCancelAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(request, cancellationToken);
        return response.StatusCode == HttpStatusCode.NoContent
            ? new ServiceReply<Reservation>(response.StatusCode, null, null)
            : new ServiceReply<Reservation>(response.StatusCode, null, await ReadProblemAsync(response, cancellationToken));
    }

    /// <summary>The flight's reserved and held seats, read in one step (asked with the gateway's own token).</summary>
    public async Task<TakenSeats> GetTakenSeatsAsync(Guid flightId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(
            AccessTokenHandler.UseGatewayToken(new HttpRequestMessage(HttpMethod.Get, $"/flights/{flightId}/taken_seats")), cancellationToken);
        return await ReadAsync<TakenSeats>(response, cancellationToken);
    }

    /// <summary>The customer's reservations and live holds (asked with the customer's own token).</summary>
    public async Task<CustomerBookings> GetCustomerBookingsAsync(string customerId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(
            new HttpRequestMessage(HttpMethod.Get, $"/customers/{Uri.EscapeDataString(customerId)}/bookings"), cancellationToken);
        return await ReadAsync<CustomerBookings>(response, cancellationToken);
    }

    public Task<ServiceReply<Hold>> PlaceHoldAsync(Guid flightId, IReadOnlyList<string> seats, CancellationToken cancellationToken) =>
        CommandAsync<Hold>(
            new HttpRequestMessage(HttpMethod.Post, "/holds") { Content = JsonBody(new HoldRequest(flightId.ToString(), seats)) },
            cancellationToken);

    public Task<ServiceReply<StoredHold>> GetHoldAsync(string holdId, CancellationToken cancellationToken) =>
        CommandAsync<StoredHold>(new HttpRequestMessage(HttpMethod.Get, $"/holds/{Uri.EscapeDataString(holdId)}"), cancellationToken);

    public Task<ServiceReply<HoldConfirmation>> ConfirmHoldAsync(string holdId, CancellationToken cancellationToken) =>
        CommandAsync<HoldConfirmation>(new HttpRequestMessage(HttpMethod.Post, $"/holds/{Uri.EscapeDataString(holdId)}/confirm"), cancellationToken);

    public Task<ServiceReply<Hold>> ReleaseHoldAsync(string holdId, CancellationToken cancellationToken) =>
        CommandAsync<Hold>(new HttpRequestMessage(HttpMethod.Delete, $"/holds/{Uri.EscapeDataString(holdId)}"), cancellationToken);

    /// <summary>A body for 200/201, nothing for 204, the problem details of a 4xx.</summary>
    private async Task<ServiceReply<T>> CommandAsync<T>(HttpRequestMessage request, CancellationToken cancellationToken) where T : class
    {
        using var response = await SendAsync(request, cancellationToken);
        return response.StatusCode switch
        {
            HttpStatusCode.NoContent => new ServiceReply<T>(response.StatusCode, null, null),
            _ when response.IsSuccessStatusCode => new ServiceReply<T>(response.StatusCode, await ReadAsync<T>(response, cancellationToken), null),
            _ => new ServiceReply<T>(response.StatusCode, null, await ReadProblemAsync(response, cancellationToken)),
        };
    }
}
