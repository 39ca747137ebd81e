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

    /// <summary>Books every seat or none: when one cannot be had, those already booked are given back.</summary>
    public async Task<ApiResult<IReadOnlyList<Reservation>>> BookAsync(Guid flightId, IReadOnlyList<string> seats, CancellationToken cancellationToken)
    {
        var booked = new List<Reservation>();
        foreach (var seat in seats)
        {
            var reply = await SendAsync<Reservation>(
                new HttpRequestMessage(HttpMethod.Post, "/api/reservations")
                {
                    Content = JsonContent.Create(new { flight_id = flightId, seat_num = seat }),
                },
                cancellationToken);
            if (reply.Problem is { } problem)
            {
                foreach (var reservation in booked)
                {
                    await CancelAsync(reservation.FlightId, reservation.SeatNum, cancellationToken);
                }

                return problem;
            }

            booked.Add(reply.Value!);
        }

        return new ApiResult<IReadOnlyList<Reservation>>(booked, null);
    }

    /// <summary>
    /// Moves a reservation to another seat, on the same or another flight (the gateway's rebooking saga): the customer
    /// ends with the new seat, or keeps the original when the problem says so.
    /// </summary>
    public Task<ApiResult<object>> RebookAsync(string flightId, string seatNum, Guid newFlightId, string newSeatNum, CancellationToken cancellationToken) =>
        SendAsync<object>(
            new HttpRequestMessage(HttpMethod.Post, $"/api/reservations/{Uri.EscapeDataString(flightId)}/{Uri.EscapeDataString(seatNum)}/rebook")
            {
                Content = JsonContent.Create(new { flight_id = newFlightId, seat_num = newSeatNum }),
            },
            cancellationToken);

    /// <summary>Gives a seat back; null when it is done.</summary>
    public async Task<ApiProblem?> CancelAsync(string flightId, string seatNum, CancellationToken cancellationToken) =>
        (await SendAsync<object>(
            new HttpRequestMessage(HttpMethod.Delete, $"/api/reservations/{Uri.EscapeDataString(flightId)}/{Uri.EscapeDataString(seatNum)}"),
            cancellationToken)).Problem;

    /// <summary>The customer's flights that have not departed, soonest first, each with their seats.</summary>
    public async Task<ApiResult<IReadOnlyList<Trip>>> GetTripsAsync(CancellationToken cancellationToken)
    {
        var reservations = await GetAsync<List<Reservation>>("/api/me/reservations", cancellationToken);
        if (reservations.Problem is { } problem)
        {
            return problem;
        }

        var trips = new List<Trip>();
        foreach (var flightSeats in reservations.Value!.GroupBy(reservation => reservation.FlightId))
        {
            var flight = await GetAsync<Flight>($"/flights/{Uri.EscapeDataString(flightSeats.Key)}", cancellationToken);
            if (flight.Problem is { } flightProblem)
            {
                return flightProblem;
            }

            trips.Add(new Trip(flight.Value!, [.. flightSeats.Select(reservation => reservation.SeatNum).Order(StringComparer.Ordinal)]));
        }

        return new ApiResult<IReadOnlyList<Trip>>([.. trips.Where(trip => trip.Flight.DepartureTime > DateTime.UtcNow).OrderBy(trip => trip.Flight.DepartureTime)], null);
    }

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
