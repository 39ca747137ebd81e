using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace AppHost.Tests;

internal static class GatewayCalls
{
    /// <summary>The id of tomorrow's demo flight AA2532 (today's may have departed, and cannot be booked).</summary>
    public static async Task<string> FlightIdAsync(this HttpClient gateway)
    {
        var flights = await gateway.GetFromJsonAsync<JsonArray>("/flights?flight_no=AA2532");
        return (string)flights![1]!["flight_id"]!;
    }
}
