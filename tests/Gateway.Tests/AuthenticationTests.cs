using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Airline.TestSupport.Identity;

namespace Gateway.Tests;

/// <summary>The customer is whoever the token from Identity.Api says, never what the body says.</summary>
public sealed class AuthenticationTests(GatewaySystemFixture system) : IClassFixture<GatewaySystemFixture>
{
    private readonly HttpClient _gateway = system.Gateway;

    [Fact]
    public async Task A_token_from_connect_token_books_and_the_booking_shows_in_my_reservations()
    {
        var flightId = await FlightIdAsync(6);
        var customer = await system.Identity.SignUpAsync();

        using var booked = await SendAsync(customer.AccessToken, HttpMethod.Post, "/api/reservations", Booking(flightId, "21A"));
        using var mine = await SendAsync(customer.AccessToken, HttpMethod.Get, "/api/me/reservations");

        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        Assert.Equal(customer.UserId, (string?)(await booked.Content.ReadFromJsonAsync<JsonObject>())!["customer_id"]);
        var seat = Assert.Single((await mine.Content.ReadFromJsonAsync<JsonArray>())!);
        Assert.Equal(flightId, (string?)seat!["flight_id"]);
        Assert.Equal("21A", (string?)seat["seat_num"]);
    }

    [Fact]
    public async Task Booking_cancelling_and_my_reservations_without_a_token_are_401_problem_json()
    {
        var flightId = await FlightIdAsync(6);

        using var booking = await _gateway.PostAsJsonAsync("/api/reservations", new { flight_id = flightId, seat_num = "21B", customer_id = "someone" });
        using var cancelling = await _gateway.DeleteAsync($"/api/reservations/{flightId}/21B?customer_id=someone");
        using var mine = await _gateway.GetAsync("/api/me/reservations");

        await AssertProblemAsync(booking, HttpStatusCode.Unauthorized);
        await AssertProblemAsync(cancelling, HttpStatusCode.Unauthorized);
        await AssertProblemAsync(mine, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("expired")]
    [InlineData("signed by another key")]
    [InlineData("for another audience")]
    [InlineData("not a JWT")]
    public async Task A_token_that_is_not_valid_for_the_gateway_is_401(string flaw)
    {
        var customer = await system.Identity.SignUpAsync();
        var token = flaw switch
        {
            "expired" => system.Identity.MintToken(customer.UserId, "gateway", expiresIn: TimeSpan.FromMinutes(-5)),
            "signed by another key" => system.Identity.MintToken(customer.UserId, "gateway", otherKey: true),
            "not a JWT" => "not-a-token",
            _ => system.Identity.MintToken(customer.UserId, "reservations"),
        };

        using var response = await SendAsync(token, HttpMethod.Post, "/api/reservations", Booking(await FlightIdAsync(6), "21C"));

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_without_the_reservations_scope_is_403()
    {
        var token = system.Identity.MintToken((await system.Identity.SignUpAsync()).UserId, "gateway", scopes: "offline_access");

        using var response = await SendAsync(token, HttpMethod.Post, "/api/reservations", Booking(await FlightIdAsync(6), "21D"));

        await AssertProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Booking_or_cancelling_in_another_customers_name_is_403_and_changes_nothing()
    {
        var flightId = await FlightIdAsync(6);
        var (alice, mallory) = (await system.Identity.SignUpAsync(), await system.Identity.SignUpAsync());
        using var alicesSeat = await SendAsync(alice.AccessToken, HttpMethod.Post, "/api/reservations", Booking(flightId, "22A"));
        Assert.Equal(HttpStatusCode.Created, alicesSeat.StatusCode);

        using var bookAsAlice = await SendAsync(mallory.AccessToken, HttpMethod.Post, "/api/reservations", Booking(flightId, "22B", alice.UserId));
        using var cancelAsAlice = await SendAsync(mallory.AccessToken, HttpMethod.Delete, $"/api/reservations/{flightId}/22A?customer_id={alice.UserId}");

        await AssertProblemAsync(bookAsAlice, HttpStatusCode.Forbidden);
        await AssertProblemAsync(cancelAsAlice, HttpStatusCode.Forbidden);
        using var alicesReservations = await SendAsync(alice.AccessToken, HttpMethod.Get, "/api/me/reservations");
        var seats = (await alicesReservations.Content.ReadFromJsonAsync<JsonArray>())!.Select(seat => (string?)seat!["seat_num"]);
        Assert.Equal(["22A"], seats);
    }

    [Fact]
    public async Task An_agent_cancels_a_customers_seat_through_the_gateway_and_it_is_logged()
    {
        var flightId = await FlightIdAsync(6);
        var customer = await system.Identity.SignUpAsync();
        var agent = await system.Identity.SignInAgentAsync();
        using var booked = await SendAsync(customer.AccessToken, HttpMethod.Post, "/api/reservations", Booking(flightId, "24A"));
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);

        using var cancelled = await SendAsync(agent.AccessToken, HttpMethod.Delete, $"/api/reservations/{flightId}/24A?customer_id={customer.UserId}");

        Assert.Equal(HttpStatusCode.NoContent, cancelled.StatusCode);
        var agentId = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(agent.AccessToken).Subject;
        Assert.Contains(system.ReservationsLogs.Records, entry =>
            entry.Category == "Reservations.Api.Agents"
            && entry.Message.Contains(agentId, StringComparison.Ordinal)
            && entry.Message.Contains(customer.UserId, StringComparison.Ordinal));
    }

    private static JsonContent Booking(string flightId, string seatNum, string? customerId = null) =>
        JsonContent.Create(new Dictionary<string, string?> { ["flight_id"] = flightId, ["seat_num"] = seatNum, ["customer_id"] = customerId });

    private Task<HttpResponseMessage> SendAsync(string token, HttpMethod method, string path, HttpContent? content = null) =>
        _gateway.SendAsync(new HttpRequestMessage(method, path)
        {
            Content = content,
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) },
        });

    private async Task<string> FlightIdAsync(int day)
    {
        var flights = await _gateway.GetFromJsonAsync<JsonArray>("/flights?flight_no=AA2532");
        return (string)flights![day]!["flight_id"]!;
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonSerializer.Deserialize<JsonObject>(await response.Content.ReadAsStringAsync())!;
        Assert.Equal((int)status, (int)problem["status"]!);
    }
}
