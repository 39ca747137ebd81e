using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace AppHost.Tests;

internal static class GatewayCalls
{
    /// <summary>The id of the first demo flight AA2532.</summary>
    public static async Task<string> FlightIdAsync(this HttpClient gateway)
    {
        var flights = await gateway.GetFromJsonAsync<JsonArray>("/flights?flight_no=AA2532");
        return (string)flights![0]!["flight_id"]!;
    }
}
