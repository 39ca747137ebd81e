using System.Net;
using System.Net.Http.Json;
using static Reservations.Api.Tests.HttpAssertions;

namespace Reservations.Api.Tests;

/// <summary><c>GET /reservations/taken_seats</c>: reserved and held seats of many flights in one request.</summary>
[Collection(ReservationsServiceCollection.Name)]
public sealed class TakenSeatsTests(ReservationsServiceFixture service)
{
    private readonly HttpClient _client = service.Client;

    [Fact]
    public async Task Lists_reserved_and_held_seats_of_every_flight_asked_for_and_none_for_a_free_flight()
    {
        string full = $"AA{Guid.NewGuid():N}", held = $"AA{Guid.NewGuid():N}", free = $"AA{Guid.NewGuid():N}";
        await ReserveAsync(full, "12C", "customer-1");
        await ReserveAsync(full, "3A", "customer-2");
        var holds = new HoldsCalls(service, service.Anonymous);
        await holds.HoldIdAsync("customer-3", held, "7D", "7E");
        await holds.HoldIdAsync("customer-4", full, "14F");

        var taken = await _client.GetFromJsonAsync<Dictionary<string, string[]>>(
            $"/reservations/taken_seats?flight_id={full}&flight_id={held}&flight_id={free}&flight_id={full}");

        Assert.Equal(new Dictionary<string, string[]>
        {
            [full] = ["12C", "14F", "3A"],
            [held] = ["7D", "7E"],
            [free] = [],
        }, taken);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?flight_id=")]
    [InlineData("?flight_id=AA%20100")]
    public async Task Without_a_well_formed_flight_id_is_400(string query)
    {
        using var response = await _client.GetAsync($"/reservations/taken_seats{query}");

        Assert.Contains("flight_id", (await AssertValidationProblemAsync(response)).Keys);
    }

    [Fact]
    public async Task More_than_100_flights_is_400()
    {
        var query = string.Join('&', Enumerable.Range(0, 101).Select(i => $"flight_id=AA{i}"));

        using var response = await _client.GetAsync($"/reservations/taken_seats?{query}");

        Assert.Contains("flight_id", (await AssertValidationProblemAsync(response)).Keys);
    }

    [Fact]
    public async Task A_customer_token_is_403()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/reservations/taken_seats?flight_id=AA100")
        {
            Headers = { Authorization = new("Bearer", service.Identity.MintToken("customer-1", "reservations")) },
        };

        using var response = await service.Anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task ReserveAsync(string flightId, string seatNum, string customerId)
    {
        using var response = await _client.PutAsJsonAsync("/reservations", new { flight_id = flightId, seat_num = seatNum, customer_id = customerId });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
