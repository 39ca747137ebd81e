using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Dashboard.Tests;

/// <summary>A booking through the gateway, as a client makes it, sent inside a trace the test chose.</summary>
internal static class Booking
{
    /// <returns>The id of the trace the booking ran in.</returns>
    public static async Task<string> BookAsync(HttpClient gateway, string seat, string customer)
    {
        var date = DateTime.UtcNow.Date.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var flights = await gateway.GetFromJsonAsync<JsonArray>($"/flights?origin_code=LAX&destination_code=DCA&date={date}");
        var flightId = (string)flights![0]!["flight_id"]!;

        var traceId = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/reservations")
        {
            Content = JsonContent.Create(new { flight_id = flightId, seat_num = seat, customer_id = customer }),
        };
        request.Headers.Add("traceparent", $"00-{traceId.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        using var response = await gateway.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return traceId.ToHexString();
    }
}
