using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Airline.TestSupport.Identity;

namespace Dashboard.Tests;

/// <summary>A booking through the gateway by a customer who signed up and in first, sent inside a trace the test chose.</summary>
internal static class Booking
{
    private static int s_daysAhead;

    /// <summary>
    /// Each booking is on the next day's flight: one the gateway has not cached yet, so its trace reaches Flights.Api
    /// and MySQL as well as Reservations.Api and Redis.
    /// </summary>
    /// <returns>The id of the trace the booking ran in.</returns>
    public static async Task<string> BookAsync(SystemFixture system, string seat)
    {
        var gateway = system.Gateway;
        var customer = await Customers.SignUpAsync(system.Identity);
        var daysAhead = Interlocked.Increment(ref s_daysAhead);
        var date = DateTime.UtcNow.Date.AddDays(daysAhead).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var flights = await gateway.GetFromJsonAsync<JsonArray>($"/flights?origin_code=LAX&destination_code=DCA&date={date}");
        var flightId = (string)flights![0]!["flight_id"]!;

        var traceId = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/reservations")
        {
            Content = JsonContent.Create(new { flight_id = flightId, seat_num = seat }),
            Headers = { Authorization = customer.Authorization },
        };
        request.Headers.Add("traceparent", $"00-{traceId.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        using var response = await gateway.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return traceId.ToHexString();
    }
}
