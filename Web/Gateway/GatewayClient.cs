using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Polly.Timeout;

namespace Web.Gateway;

/// <summary>The gateway's public API, as the signed-in customer (see <see cref="GatewayTokenHandler"/>).</summary>
public sealed class GatewayClient(HttpClient http)
{
    /// <summary>The flights of that day on the route with at least <paramref name="passengers"/> seats free, in order of departure.</summary>
    public Task<ApiResult<List<FlightOffer>>> SearchAsync(
        string origin, string destination, DateOnly date, int passengers, CancellationToken cancellationToken) =>
        GetAsync<List<FlightOffer>>(
            $"/api/flights?origin_code={Uri.EscapeDataString(origin)}&destination_code={Uri.EscapeDataString(destination)}" +
            $"&date={date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}&passengers={passengers.ToString(CultureInfo.InvariantCulture)}",
            cancellationToken);

    public Task<ApiResult<SeatChart>> GetSeatChartAsync(Guid flightId, CancellationToken cancellationToken) =>
        GetAsync<SeatChart>($"/api/flights/{flightId}/seats", cancellationToken);

    /// <summary>Keeps the seats for the customer, all or none, until the hold expires.</summary>
    public Task<ApiResult<Hold>> HoldAsync(Guid flightId, IReadOnlyList<string> seats, CancellationToken cancellationToken) =>
        SendAsync<Hold>(Post("/api/holds", new { flight_id = flightId, seats }), cancellationToken);

    /// <summary>Turns a live hold into reservations; a 410 problem when it expired first.</summary>
    public Task<ApiResult<HoldConfirmation>> ConfirmHoldAsync(string holdId, CancellationToken cancellationToken) =>
        SendAsync<HoldConfirmation>(Post($"/api/holds/{Uri.EscapeDataString(holdId)}/confirm", content: null), cancellationToken);

    /// <summary>Gives held seats back at once; null when it is done.</summary>
    public async Task<ApiProblem?> ReleaseHoldAsync(string holdId, CancellationToken cancellationToken) =>
        (await SendAsync<object>(new HttpRequestMessage(HttpMethod.Delete, $"/api/holds/{Uri.EscapeDataString(holdId)}"), cancellationToken)).Problem;

    /// <summary>
    /// Moves a reservation to another seat, on the same or another flight (the gateway's rebooking saga): the customer
    /// ends with the new seat, or keeps the original when the problem says so.
    /// </summary>
    public Task<ApiResult<object>> RebookAsync(string flightId, string seatNum, Guid newFlightId, string newSeatNum, CancellationToken cancellationToken) =>
        SendAsync<object>(
            Post($"/api/reservations/{Uri.EscapeDataString(flightId)}/{Uri.EscapeDataString(seatNum)}/rebook", new { flight_id = newFlightId, seat_num = newSeatNum }),
            cancellationToken);

    /// <summary>Gives a seat back; null when it is done.</summary>
    public async Task<ApiProblem?> CancelAsync(string flightId, string seatNum, CancellationToken cancellationToken) =>
        (await SendAsync<object>(
            new HttpRequestMessage(HttpMethod.Delete, $"/api/reservations/{Uri.EscapeDataString(flightId)}/{Uri.EscapeDataString(seatNum)}"),
            cancellationToken)).Problem;

    /// <summary>The customer's flights with their reserved seats and live holds, upcoming ones first.</summary>
    public Task<ApiResult<List<Trip>>> GetTripsAsync(CancellationToken cancellationToken) =>
        GetAsync<List<Trip>>("/api/me/trips", cancellationToken);

    private static HttpRequestMessage Post(string path, object? content) =>
        new(HttpMethod.Post, path) { Content = content is null ? null : JsonContent.Create(content, options: ApiJson.Options) };

    private Task<ApiResult<T>> GetAsync<T>(string path, CancellationToken cancellationToken) =>
        SendAsync<T>(new HttpRequestMessage(HttpMethod.Get, path), cancellationToken);

    private async Task<ApiResult<T>> SendAsync<T>(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method == HttpMethod.Post || request.Method == HttpMethod.Delete)
        {
            // One key per action: a retry of this request after a lost answer gets the first answer, not a second booking.
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        }

        using (request)
        {
            try
            {
                using var response = await http.SendAsync(request, cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    return await ApiProblem.ReadAsync(response, cancellationToken);
                }

                return response.StatusCode == HttpStatusCode.NoContent
                    ? new ApiResult<T>(default, null)
                    : new ApiResult<T>(await response.Content.ReadFromJsonAsync<T>(ApiJson.Options, cancellationToken), null);
            }
            catch (HttpRequestException exception)
            {
                return ApiProblem.Unavailable(exception.Message);
            }
            catch (TimeoutRejectedException exception)
            {
                return ApiProblem.Unavailable(exception.Message);
            }
        }
    }
}
