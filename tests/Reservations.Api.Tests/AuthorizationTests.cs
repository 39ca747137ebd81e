using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Airline.TestSupport.Identity;
using static Reservations.Api.Tests.HttpAssertions;

namespace Reservations.Api.Tests;

/// <summary>Tokens from the real Identity.Api (or signed with its key), checked by Reservations.Api itself.</summary>
[Collection(ReservationsServiceCollection.Name)]
public sealed class AuthorizationTests(ReservationsServiceFixture service)
{
    private readonly string _flight = $"AA{Guid.NewGuid():N}";

    [Fact]
    public async Task Every_reservation_endpoint_without_a_token_is_401_problem_json()
    {
        var client = service.Anonymous;

        await AssertProblemAsync(await client.PutAsJsonAsync("/reservations", Body("12C", "customer-1")), HttpStatusCode.Unauthorized);
        await AssertProblemAsync(await client.DeleteAsync($"/reservations/{_flight}/12C?customer_id=customer-1"), HttpStatusCode.Unauthorized);
        await AssertProblemAsync(await client.GetAsync($"/reservations?flight_id={_flight}"), HttpStatusCode.Unauthorized);
        await AssertProblemAsync(await client.GetAsync("/customers/customer-1/reservations"), HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("expired")]
    [InlineData("signed by another key")]
    [InlineData("for another audience")]
    public async Task A_token_that_is_not_valid_for_this_service_is_401(string flaw)
    {
        var token = flaw switch
        {
            "expired" => service.Identity.MintToken("customer-1", "reservations", expiresIn: TimeSpan.FromMinutes(-5)),
            "signed by another key" => service.Identity.MintToken("customer-1", "reservations", otherKey: true),
            _ => service.Identity.MintToken("customer-1", "gateway"),
        };

        using var response = await SendAsync(HttpMethod.Put, "/reservations", token, Body("12C", "customer-1"));

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_signed_in_customer_books_for_themselves_and_sees_their_seats()
    {
        var alice = await service.Identity.SignUpAsync();

        using var booked = await SendAsync(HttpMethod.Put, "/reservations", alice.AccessToken, Body("12C", alice.UserId));
        using var mine = await SendAsync(HttpMethod.Get, $"/customers/{alice.UserId}/reservations", alice.AccessToken);

        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var seats = await mine.Content.ReadFromJsonAsync<JsonElement>();
        var seat = Assert.Single(seats.EnumerateArray());
        Assert.Equal(_flight, seat.GetProperty("flight_id").GetString());
        Assert.Equal("12C", seat.GetProperty("seat_num").GetString());
        Assert.Equal(alice.UserId, seat.GetProperty("customer_id").GetString());
    }

    [Fact]
    public async Task A_valid_token_acting_for_another_customer_is_403()
    {
        var alice = await service.Identity.SignUpAsync();
        var bob = await service.Identity.SignUpAsync();
        using var bobsSeat = await SendAsync(HttpMethod.Put, "/reservations", bob.AccessToken, Body("3A", bob.UserId));
        Assert.Equal(HttpStatusCode.Created, bobsSeat.StatusCode);

        using var bookAsBob = await SendAsync(HttpMethod.Put, "/reservations", alice.AccessToken, Body("4A", bob.UserId));
        using var cancelBobs = await SendAsync(HttpMethod.Delete, $"/reservations/{_flight}/3A?customer_id={bob.UserId}", alice.AccessToken);
        using var cancelAsSelf = await SendAsync(HttpMethod.Delete, $"/reservations/{_flight}/3A?customer_id={alice.UserId}", alice.AccessToken);
        using var listBobs = await SendAsync(HttpMethod.Get, $"/customers/{bob.UserId}/reservations", alice.AccessToken);

        await AssertProblemAsync(bookAsBob, HttpStatusCode.Forbidden);
        await AssertProblemAsync(cancelBobs, HttpStatusCode.Forbidden);
        await AssertProblemAsync(cancelAsSelf, HttpStatusCode.Forbidden);
        await AssertProblemAsync(listBobs, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_flight_listing_with_customer_ids_needs_the_gateways_own_token()
    {
        var alice = await service.Identity.SignUpAsync();

        using var asCustomer = await SendAsync(HttpMethod.Get, $"/reservations?flight_id={_flight}", alice.AccessToken);
        using var asGateway = await SendAsync(HttpMethod.Get, $"/reservations?flight_id={_flight}", await service.Identity.GatewayTokenAsync());

        await AssertProblemAsync(asCustomer, HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, asGateway.StatusCode);
    }

    [Fact]
    public async Task The_gateways_own_token_reserves_and_releases_in_a_customers_name_as_a_rebooking_does()
    {
        var customer = await service.Identity.SignUpAsync();
        var gatewayToken = await service.Identity.GatewayTokenAsync();

        using var reserved = await SendAsync(HttpMethod.Put, "/reservations", gatewayToken, Body("8K", customer.UserId));
        using var listed = await SendAsync(HttpMethod.Get, $"/customers/{customer.UserId}/reservations", customer.AccessToken);
        using var released = await SendAsync(HttpMethod.Delete, $"/reservations/{_flight}/8K?customer_id={customer.UserId}", gatewayToken);

        Assert.Equal(HttpStatusCode.Created, reserved.StatusCode);
        Assert.Contains("8K", await listed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, released.StatusCode);
        Assert.DoesNotContain(service.Logs.Records, entry => entry.Category == "Reservations.Api.Agents" && entry.Message.Contains("8K", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_agent_cancels_a_customers_reservation_and_it_is_logged_with_both_ids()
    {
        var customer = await service.Identity.SignUpAsync();
        var agent = await service.Identity.SignInAgentAsync();
        using var booked = await SendAsync(HttpMethod.Put, "/reservations", customer.AccessToken, Body("9K", customer.UserId));
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);

        using var cancelled = await SendAsync(HttpMethod.Delete, $"/reservations/{_flight}/9K?customer_id={customer.UserId}", agent.AccessToken);

        Assert.Equal(HttpStatusCode.NoContent, cancelled.StatusCode);
        var agentId = Subject(agent.AccessToken);
        Assert.Contains(service.Logs.Records, entry =>
            entry.Category == "Reservations.Api.Agents"
            && entry.Message.Contains(agentId, StringComparison.Ordinal)
            && entry.Message.Contains(customer.UserId, StringComparison.Ordinal)
            && entry.Message.Contains("9K", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_the_identity_service_a_token_cannot_be_checked_and_the_request_is_503_not_401_or_500()
    {
        await using var orphan = new Airline.TestSupport.KestrelServiceFactory<Reservations.Api.Infrastructure.ReservationStore>(new Dictionary<string, string?>
        {
            ["ConnectionStrings:redis"] = service.Redis.Server.ConnectionString,
            ["services:identity:http:0"] = $"http://127.0.0.1:{Airline.Hosting.LocalServers.FreePort.Next()}",
        });
        using var client = new HttpClient { BaseAddress = orphan.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Put, "/reservations") { Content = JsonContent.Create(Body("12C", "customer-1")) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", service.Identity.MintToken("customer-1", "reservations"));

        using var response = await client.SendAsync(request);

        await AssertProblemAsync(response, HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task Tokens_issued_under_the_identity_services_public_address_are_checked_with_its_keys_fetched_inside_the_system()
    {
        const string publicIssuer = "http://airline.invalid/";
        await using var identity = new IdentityService(service.MySql, "identitydb_public", new Dictionary<string, string?> { ["Identity:Issuer"] = publicIssuer });
        await using var reservations = new Airline.TestSupport.KestrelServiceFactory<Reservations.Api.Infrastructure.ReservationStore>(new Dictionary<string, string?>
        {
            ["ConnectionStrings:redis"] = service.Redis.Server.ConnectionString,
            [identity.ServiceDiscoverySetting.Key] = identity.ServiceDiscoverySetting.Value,
        });
        var customer = await identity.SignUpAsync();
        using var client = new HttpClient { BaseAddress = reservations.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Put, "/reservations") { Content = JsonContent.Create(Body("12E", customer.UserId)) };
        request.Headers.Authorization = customer.Authorization;

        using var response = await client.SendAsync(request);

        Assert.Equal(publicIssuer, new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(customer.AccessToken).Issuer);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private Dictionary<string, string> Body(string seatNum, string customerId) =>
        new() { ["flight_id"] = _flight, ["seat_num"] = seatNum, ["customer_id"] = customerId };

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string token, object? body = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return service.Anonymous.SendAsync(request);
    }

    private static string Subject(string token) =>
        new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(token).Subject;
}
