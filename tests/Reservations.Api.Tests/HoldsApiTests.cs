using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using static Reservations.Api.Tests.HttpAssertions;

namespace Reservations.Api.Tests;

[Collection(ReservationsServiceCollection.Name)]
public sealed class HoldsApiTests(ReservationsServiceFixture service)
{
    private readonly HoldsCalls _calls = new(service, service.Anonymous);
    private readonly string _flight = $"AA{Guid.NewGuid():N}";

    [Fact]
    public async Task A_hold_of_free_seats_is_201_with_its_id_and_expiry_and_the_seats_show_as_held()
    {
        var before = DateTime.UtcNow;
        using var response = await _calls.HoldAsync("alice", _flight, "12C", "12D");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var hold = await response.Content.ReadFromJsonAsync<JsonElement>();
        var holdId = hold.GetProperty("hold_id").GetString()!;
        Assert.Equal(new Uri($"/holds/{holdId}", UriKind.Relative), response.Headers.Location);
        Assert.Equal(_flight, hold.GetProperty("flight_id").GetString());
        Assert.Equal("alice", hold.GetProperty("customer_id").GetString());
        Assert.Equal(["12C", "12D"], hold.GetProperty("seats").EnumerateArray().Select(seat => seat.GetString()));
        Assert.InRange(hold.GetProperty("expires_at").GetDateTime(), before.AddMinutes(10).AddSeconds(-1), DateTime.UtcNow.AddMinutes(10).AddSeconds(1));
        var taken = await _calls.TakenSeatsAsync(_flight);
        Assert.Equal(["12C", "12D"], taken.Held);
        Assert.Empty(taken.Reserved);
    }

    [Fact]
    public async Task A_hold_is_all_or_none_and_its_409_names_only_the_seats_already_taken()
    {
        using var first = await _calls.HoldAsync("alice", _flight, "12C");
        using var reserved = await _calls.ReserveAsync("carol", _flight, "12E");

        using var overlapping = await _calls.HoldAsync("bob", _flight, "12C", "12D", "12E", "12F");

        var problem = await AssertProblemAsync(overlapping, HttpStatusCode.Conflict);
        Assert.Equal(["12C", "12E"], problem.GetProperty("seats").EnumerateArray().Select(seat => seat.GetString()));
        Assert.Contains("12C", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("alice", problem.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(["12C"], (await _calls.TakenSeatsAsync(_flight)).Held);
        using var rest = await _calls.HoldAsync("bob", _flight, "12D", "12F");
        Assert.Equal(HttpStatusCode.Created, rest.StatusCode);
    }

    [Fact]
    public async Task A_held_seat_cannot_be_reserved_directly_by_anyone_until_the_hold_is_confirmed()
    {
        using var held = await _calls.HoldAsync("alice", _flight, "7A");

        using var byOther = await _calls.ReserveAsync("bob", _flight, "7A");
        using var byHolder = await _calls.ReserveAsync("alice", _flight, "7A");

        await AssertProblemAsync(byOther, HttpStatusCode.Conflict);
        var problem = await AssertProblemAsync(byHolder, HttpStatusCode.Conflict);
        Assert.Contains("hold", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty((await _calls.TakenSeatsAsync(_flight)).Reserved);
    }

    [Fact]
    public async Task Confirming_turns_the_hold_into_the_customers_reservations_once()
    {
        var holdId = await _calls.HoldIdAsync("alice", _flight, "3A", "3B");

        using var confirmed = await _calls.ConfirmAsync("alice", holdId);
        using var again = await _calls.ConfirmAsync("alice", holdId);
        using var released = await _calls.ReleaseAsync("alice", holdId);

        Assert.Equal(HttpStatusCode.Created, confirmed.StatusCode);
        var confirmation = await confirmed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(holdId, confirmation.GetProperty("hold_id").GetString());
        Assert.Equal(["3A", "3B"], confirmation.GetProperty("reservations").EnumerateArray().Select(r => r.GetProperty("seat_num").GetString()));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        await AssertProblemAsync(released, HttpStatusCode.Conflict);
        var taken = await _calls.TakenSeatsAsync(_flight);
        Assert.Equal(new Dictionary<string, string> { ["3A"] = "alice", ["3B"] = "alice" }, taken.Reserved);
        Assert.Empty(taken.Held);
        var mine = await _calls.CustomerReservationsAsync("alice");
        Assert.Contains((_flight, "3A"), mine);
        Assert.Contains((_flight, "3B"), mine);
    }

    [Fact]
    public async Task Another_customers_hold_is_403_to_read_confirm_or_release_and_an_unknown_one_404()
    {
        var holdId = await _calls.HoldIdAsync("alice", _flight, "5C");

        using var read = await _calls.SendAsync("bob", HttpMethod.Get, $"/holds/{holdId}");
        using var confirm = await _calls.ConfirmAsync("bob", holdId);
        using var release = await _calls.ReleaseAsync("bob", holdId);
        using var unknown = await _calls.ConfirmAsync("alice", Guid.NewGuid().ToString("N"));
        using var malformed = await _calls.ConfirmAsync("alice", "not-a-hold");

        await AssertProblemAsync(read, HttpStatusCode.Forbidden);
        await AssertProblemAsync(confirm, HttpStatusCode.Forbidden);
        await AssertProblemAsync(release, HttpStatusCode.Forbidden);
        await AssertProblemAsync(unknown, HttpStatusCode.NotFound);
        Assert.Equal(["hold_id"], (await AssertValidationProblemAsync(malformed)).Keys);
        Assert.Equal(["5C"], (await _calls.TakenSeatsAsync(_flight)).Held);
    }

    [Fact]
    public async Task Releasing_frees_the_seats_at_once_and_the_hold_is_gone()
    {
        var holdId = await _calls.HoldIdAsync("alice", _flight, "9A", "9B");

        using var released = await _calls.ReleaseAsync("alice", holdId);
        using var confirm = await _calls.ConfirmAsync("alice", holdId);
        using var byOther = await _calls.HoldAsync("bob", _flight, "9A", "9B");

        Assert.Equal(HttpStatusCode.NoContent, released.StatusCode);
        await AssertProblemAsync(confirm, HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Created, byOther.StatusCode);
    }

    [Theory]
    [InlineData("""{"flight_id": "AA1", "seats": []}""", "seats")]
    [InlineData("""{"flight_id": "AA1", "seats": ["1A","1B","1C","1D","1E","1F","2A","2B","2C","2D"]}""", "seats")]
    [InlineData("""{"flight_id": "AA1", "seats": ["1A","1A"]}""", "seats")]
    [InlineData("""{"flight_id": "AA1", "seats": ["1A", "0B"]}""", "seats")]
    [InlineData("""{"flight_id": "AA1", "seats": ["1A", null]}""", "seats")]
    [InlineData("""{"flight_id": "AA1"}""", "seats")]
    [InlineData("""{"seats": ["1A"]}""", "flight_id")]
    public async Task An_invalid_hold_is_400_naming_the_field(string body, string field)
    {
        using var response = await _calls.SendAsync("alice", HttpMethod.Post, "/holds", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal([field], (await AssertValidationProblemAsync(response)).Keys);
    }

    [Fact]
    public async Task Holds_need_a_customer_token()
    {
        using var response = await service.Anonymous.PostAsJsonAsync("/holds", new { flight_id = _flight, seats = new[] { "1A" } });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_taken_seats_of_a_flight_are_for_the_gateways_own_token_only()
    {
        using var asCustomer = await _calls.SendAsync("alice", HttpMethod.Get, $"/flights/{_flight}/taken_seats");

        Assert.Equal(HttpStatusCode.Forbidden, asCustomer.StatusCode);
    }

    [Fact]
    public async Task Bookings_of_a_customer_list_their_reservations_and_live_holds()
    {
        var holdId = await _calls.HoldIdAsync("dora", _flight, "20A");
        using var reserved = await _calls.ReserveAsync("dora", _flight, "21A");

        using var response = await _calls.SendAsync("dora", HttpMethod.Get, "/customers/dora/bookings");

        var bookings = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(bookings.GetProperty("reservations").EnumerateArray(), r => r.GetProperty("seat_num").GetString() == "21A");
        var hold = Assert.Single(bookings.GetProperty("holds").EnumerateArray(), h => h.GetProperty("hold_id").GetString() == holdId);
        Assert.Equal(["20A"], hold.GetProperty("seats").EnumerateArray().Select(seat => seat.GetString()));
        using var other = await _calls.SendAsync("bob", HttpMethod.Get, "/customers/dora/bookings");
        await AssertProblemAsync(other, HttpStatusCode.Forbidden);
    }
}

/// <summary>Calls of the holds API as a named customer, with a token signed by the identity service's key.</summary>
internal sealed class HoldsCalls(ReservationsServiceFixture service, HttpClient client)
{
    private readonly ConcurrentDictionary<string, string> _tokens = new();

    public Task<HttpResponseMessage> HoldAsync(string customer, string flightId, params string[] seats) =>
        SendAsync(customer, HttpMethod.Post, "/holds", JsonContent.Create(new { flight_id = flightId, seats }));

    public async Task<string> HoldIdAsync(string customer, string flightId, params string[] seats)
    {
        using var response = await HoldAsync(customer, flightId, seats);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("hold_id").GetString()!;
    }

    public Task<HttpResponseMessage> ConfirmAsync(string customer, string holdId) =>
        SendAsync(customer, HttpMethod.Post, $"/holds/{holdId}/confirm");

    public Task<HttpResponseMessage> ReleaseAsync(string customer, string holdId) =>
        SendAsync(customer, HttpMethod.Delete, $"/holds/{holdId}");

    public Task<HttpResponseMessage> ReserveAsync(string customer, string flightId, string seatNum) =>
        SendAsync(customer, HttpMethod.Put, "/reservations", JsonContent.Create(new { flight_id = flightId, seat_num = seatNum, customer_id = customer }));

    public async Task<(Dictionary<string, string> Reserved, string[] Held)> TakenSeatsAsync(string flightId)
    {
        using var response = await SendAsync("", HttpMethod.Get, $"/flights/{flightId}/taken_seats");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var taken = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (taken.GetProperty("reserved").Deserialize<Dictionary<string, string>>()!,
            [.. taken.GetProperty("held").EnumerateArray().Select(seat => seat.GetString()!)]);
    }

    public async Task<List<(string FlightId, string SeatNum)>> CustomerReservationsAsync(string customer)
    {
        using var response = await SendAsync(customer, HttpMethod.Get, $"/customers/{customer}/reservations");
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()
            .Select(r => (r.GetProperty("flight_id").GetString()!, r.GetProperty("seat_num").GetString()!))];
    }

    /// <param name="customer">Whose token to send; empty for the gateway's own.</param>
    public Task<HttpResponseMessage> SendAsync(string customer, HttpMethod method, string path, HttpContent? content = null)
    {
        var token = _tokens.GetOrAdd(customer, subject => subject.Length == 0
            ? service.Identity.MintToken("gateway", "reservations", scopes: "reservations.all")
            : service.Identity.MintToken(subject, "reservations"));
        return client.SendAsync(new HttpRequestMessage(method, path)
        {
            Content = content,
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) },
        });
    }
}
