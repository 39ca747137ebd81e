using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Polly.Timeout;

namespace Web.Gateway;

/// <summary>The gateway's public API, as the signed-in customer (see <see cref="GatewayTokenHandler"/>).</summary>
public sealed class GatewayClient(HttpClient http)
{
    /// <summary>The flights of that day on the route with at least <paramref name="passengers"/> seats free.</summary>
    public async Task<ApiResult<IReadOnlyList<FlightOffer>>> SearchAsync(
        string origin, string destination, DateOnly date, int passengers, CancellationToken cancellationToken)
    {
        var query = $"/flights?origin_code={Uri.EscapeDataString(origin)}&destination_code={Uri.EscapeDataString(destination)}" +
                    $"&date={date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
        var flights = await GetAsync<List<Flight>>(query, cancellationToken);
        if (flights.Problem is { } problem)
        {
            return problem;
        }

        var offers = new List<FlightOffer>();
        foreach (var flight in flights.Value!)
        {
            var chart = await GetSeatChartAsync(flight.FlightId, cancellationToken);
            if (chart.Problem is { } chartProblem)
            {
                return chartProblem;
            }

            if (chart.Value!.SeatsAvailable >= passengers)
            {
                offers.Add(new FlightOffer(flight, chart.Value.SeatsAvailable));
            }
        }

        return new ApiResult<IReadOnlyList<FlightOffer>>(offers, null);
    }

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
