using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Airline.TestSupport.Identity;
using Gateway.Idempotency;
using Microsoft.Extensions.Options;
using ServiceDefaults.Redis;
using StackExchange.Redis;

namespace Gateway.Tests;

/// <summary><c>Idempotency-Key</c> on the gateway's writes, against the real services and the gateway's Redis.</summary>
public sealed class IdempotencyTests(GatewaySystemFixture system) : IClassFixture<GatewaySystemFixture>, IAsyncLifetime
{
    private const string ProblemJson = "application/problem+json";

    private readonly HttpClient _gateway = system.Gateway;
    private ConnectionMultiplexer _redis = null!;

    public async Task InitializeAsync() => _redis = await ConnectionMultiplexer.ConnectAsync(system.Redis.ConnectionString);

    public async Task DisposeAsync() => await _redis.DisposeAsync();

    [Fact]
    public async Task A_retried_booking_replays_the_first_answer_and_books_once()
    {
        var (customer, flightId, key) = (await system.Identity.SignUpAsync(), await FlightIdAsync(7), NewKey());

        using var first = await BookAsync(customer, flightId, "14A", key);
        using var retry = await BookAsync(customer, flightId, "14A", key);
        using var unkeyed = await BookAsync(customer, flightId, "14A", key: null);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.False(first.Headers.Contains(IdempotencyMiddleware.ReplayedHeaderName));
        // Run again, the booking would be "200 already yours", as the unkeyed request shows: the 201 is the stored answer.
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal("true", Assert.Single(retry.Headers.GetValues(IdempotencyMiddleware.ReplayedHeaderName)));
        Assert.Equal(first.Content.Headers.ContentType, retry.Content.Headers.ContentType);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, unkeyed.StatusCode);
        Assert.Equal(customer.UserId, await _redis.GetDatabase().HashGetAsync($"flights:{flightId}", "14A"));
        Assert.Equal([$"{flightId}/14A"], (await _redis.GetDatabase().SetMembersAsync($"customers:{customer.UserId}")).Select(m => m.ToString()));
    }

    [Fact]
    public async Task A_retried_cancellation_replays_204_rather_than_404()
    {
        var (customer, flightId, key) = (await system.Identity.SignUpAsync(), await FlightIdAsync(7), NewKey());
        using var booked = await BookAsync(customer, flightId, "14B", key: null);

        using var first = await SendAsync(customer, HttpMethod.Delete, $"/api/reservations/{flightId}/14B", key);
        using var retry = await SendAsync(customer, HttpMethod.Delete, $"/api/reservations/{flightId}/14B", key);
        using var unkeyed = await SendAsync(customer, HttpMethod.Delete, $"/api/reservations/{flightId}/14B", key: null);

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, retry.StatusCode);
        Assert.True(retry.Headers.Contains(IdempotencyMiddleware.ReplayedHeaderName));
        Assert.Equal(HttpStatusCode.NotFound, unkeyed.StatusCode);
    }

    [Fact]
    public async Task The_same_key_with_another_body_or_path_is_422_and_does_nothing()
    {
        var (customer, flightId, key) = (await system.Identity.SignUpAsync(), await FlightIdAsync(7), NewKey());
        using var first = await BookAsync(customer, flightId, "15A", key);

        using var otherSeat = await BookAsync(customer, flightId, "15B", key);
        using var otherPath = await SendAsync(customer, HttpMethod.Delete, $"/api/reservations/{flightId}/15A", key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        await AssertProblemAsync(otherSeat, HttpStatusCode.UnprocessableEntity);
        await AssertProblemAsync(otherPath, HttpStatusCode.UnprocessableEntity);
        Assert.False(await _redis.GetDatabase().HashExistsAsync($"flights:{flightId}", "15B"));
        Assert.True(await _redis.GetDatabase().HashExistsAsync($"flights:{flightId}", "15A"));
    }

    [Fact]
    public async Task A_retry_while_the_first_attempt_is_in_flight_is_409_and_runs_once_that_attempt_gave_up()
    {
        var (customer, flightId, key) = (await system.Identity.SignUpAsync(), await FlightIdAsync(7), NewKey());
        var body = Booking(flightId, "16A");
        // The first attempt, as another gateway replica would run it: it holds the key and has not answered yet.
        var store = new IdempotencyStore(new RedisCommands(_redis), Options.Create(new IdempotencyOptions()));
        var record = IdempotencyStore.RecordKey(customer.UserId, key);
        var fingerprint = RequestFingerprint.Of("POST", "/api/reservations", SHA256.HashData(Encoding.UTF8.GetBytes(body)));
        Assert.IsType<BeginOutcome.Started>(await store.BeginAsync(record, fingerprint, "first-attempt"));

        using var whileInFlight = await SendAsync(customer, HttpMethod.Post, "/api/reservations", key, body);

        await AssertProblemAsync(whileInFlight, HttpStatusCode.Conflict);
        Assert.Equal(TimeSpan.FromSeconds(1), whileInFlight.Headers.RetryAfter?.Delta);
        Assert.False(await _redis.GetDatabase().HashExistsAsync($"flights:{flightId}", "16A"));

        await store.AbandonAsync(record, "first-attempt");
        using var afterwards = await SendAsync(customer, HttpMethod.Post, "/api/reservations", key, body);

        Assert.Equal(HttpStatusCode.Created, afterwards.StatusCode);
    }

    [Fact]
    public async Task Concurrent_retries_book_once_and_each_gets_the_first_answer_or_409()
    {
        var (customer, flightId, key) = (await system.Identity.SignUpAsync(), await FlightIdAsync(7), NewKey());

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            using var response = await BookAsync(customer, flightId, "17A", key);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));

        Assert.All(answers, answer => Assert.Contains(answer.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        var created = answers.Where(answer => answer.StatusCode == HttpStatusCode.Created).Select(answer => answer.Body).Distinct();
        Assert.Single(created);
        Assert.Equal(customer.UserId, await _redis.GetDatabase().HashGetAsync($"flights:{flightId}", "17A"));
    }

    [Fact]
    public async Task Two_customers_equal_keys_never_meet()
    {
        var (alice, bob, flightId, key) = (await system.Identity.SignUpAsync(), await system.Identity.SignUpAsync(), await FlightIdAsync(7), NewKey());

        using var alices = await BookAsync(alice, flightId, "18A", key);
        using var bobs = await BookAsync(bob, flightId, "18B", key);
        using var bobsOnAlicesSeat = await BookAsync(bob, flightId, "18A", NewKey());

        Assert.Equal(HttpStatusCode.Created, alices.StatusCode);
        Assert.Equal(HttpStatusCode.Created, bobs.StatusCode);
        Assert.False(bobs.Headers.Contains(IdempotencyMiddleware.ReplayedHeaderName));
        Assert.Contains(bob.UserId, await bobs.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertProblemAsync(bobsOnAlicesSeat, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task An_answer_is_kept_24_hours_under_a_key_that_names_neither_customer_nor_key()
    {
        var (customer, flightId, key) = (await system.Identity.SignUpAsync(), await FlightIdAsync(7), NewKey());
        using var booked = await BookAsync(customer, flightId, "19A", key);

        var record = IdempotencyStore.RecordKey(customer.UserId, key);
        var ttl = await _redis.GetDatabase().KeyTimeToLiveAsync(record);

        Assert.InRange(ttl!.Value, TimeSpan.FromHours(24) - TimeSpan.FromMinutes(1), TimeSpan.FromHours(24));
        Assert.DoesNotContain(customer.UserId, record.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(key, record.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_5xx_is_not_kept_so_the_retry_runs()
    {
        var (customer, flightId, key) = (await system.Identity.SignUpAsync(), await FlightIdAsync(7), NewKey());

        using var unavailable = await SendAsync(system.GatewayWithoutReservations, customer, HttpMethod.Post, "/api/reservations", key, Booking(flightId, "20A"));
        using var retry = await BookAsync(customer, flightId, "20A", key);

        await AssertProblemAsync(unavailable, HttpStatusCode.ServiceUnavailable);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.False(retry.Headers.Contains(IdempotencyMiddleware.ReplayedHeaderName));
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("\"unterminated")]
    [InlineData("\"bad\\escape\"")]
    [InlineData("\"trailing\" text")]
    public async Task A_malformed_key_is_400_and_does_nothing(string value)
    {
        var (customer, flightId) = (await system.Identity.SignUpAsync(), await FlightIdAsync(7));

        using var response = await SendRawKeyAsync(customer, [value], Booking(flightId, "21F"));

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]![IdempotencyKey.HeaderName]);
        Assert.False(await _redis.GetDatabase().HashExistsAsync($"flights:{flightId}", "21F"));
    }

    [Fact]
    public async Task A_key_over_255_characters_or_sent_twice_is_400_and_255_characters_are_fine()
    {
        var (customer, flightId) = (await system.Identity.SignUpAsync(), await FlightIdAsync(7));

        using var tooLong = await SendRawKeyAsync(customer, [new string('k', 256)], Booking(flightId, "22A"));
        using var twice = await SendRawKeyAsync(customer, [NewKey(), NewKey()], Booking(flightId, "22A"));
        var longestKey = new string('k', IdempotencyKey.MaxLength - 32) + Guid.NewGuid().ToString("N");
        using var longest = await SendRawKeyAsync(customer, [$"\"{longestKey}\""], Booking(flightId, "22A"));

        await AssertProblemAsync(tooLong, HttpStatusCode.BadRequest);
        await AssertProblemAsync(twice, HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.Created, longest.StatusCode);
    }

    [Fact]
    public async Task A_quoted_key_and_the_same_key_bare_are_one_key()
    {
        var (customer, flightId, key) = (await system.Identity.SignUpAsync(), await FlightIdAsync(7), NewKey());

        using var quoted = await SendRawKeyAsync(customer, [$"\"{key}\""], Booking(flightId, "23A"));
        using var bare = await SendRawKeyAsync(customer, [key], Booking(flightId, "23A"));

        Assert.Equal(HttpStatusCode.Created, quoted.StatusCode);
        Assert.Equal(HttpStatusCode.Created, bare.StatusCode);
        Assert.True(bare.Headers.Contains(IdempotencyMiddleware.ReplayedHeaderName));
    }

    [Fact]
    public async Task The_OpenAPI_document_names_the_header_on_every_write_and_on_no_read()
    {
        var document = JsonNode.Parse(await _gateway.GetStringAsync("/openapi/v1.json"))!;

        var operations = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(operation => (Path: path.Key, Method: operation.Key, Operation: operation.Value!)))
            .ToList();
        bool HasKey(JsonNode operation) =>
            operation["parameters"]?.AsArray().Any(p => (string?)p!["name"] == IdempotencyKey.HeaderName && (string?)p["in"] == "header") == true;

        Assert.Contains(operations, o => o is { Path: "/api/reservations", Method: "post" });
        Assert.All(operations.Where(o => o.Method is "post" or "delete"), o =>
        {
            Assert.True(HasKey(o.Operation), $"{o.Method} {o.Path}");
            Assert.NotNull(o.Operation["responses"]!["422"]);
        });
        Assert.All(operations.Where(o => o.Method == "get"), o => Assert.False(HasKey(o.Operation), $"{o.Method} {o.Path}"));
    }

    private static string NewKey() => Guid.NewGuid().ToString();

    private static string Booking(string flightId, string seatNum) =>
        JsonSerializer.Serialize(new Dictionary<string, string> { ["flight_id"] = flightId, ["seat_num"] = seatNum });

    private Task<HttpResponseMessage> BookAsync(Customer customer, string flightId, string seatNum, string? key) =>
        SendAsync(customer, HttpMethod.Post, "/api/reservations", key, Booking(flightId, seatNum));

    private Task<HttpResponseMessage> SendAsync(Customer customer, HttpMethod method, string path, string? key, string? body = null) =>
        SendAsync(_gateway, customer, method, path, key, body);

    private static Task<HttpResponseMessage> SendAsync(HttpClient gateway, Customer customer, HttpMethod method, string path, string? key, string? body = null)
    {
        var request = new HttpRequestMessage(method, path) { Headers = { Authorization = customer.Authorization } };
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        if (key is not null)
        {
            request.Headers.Add(IdempotencyKey.HeaderName, $"\"{key}\"");
        }

        return gateway.SendAsync(request);
    }

    private Task<HttpResponseMessage> SendRawKeyAsync(Customer customer, string[] values, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/reservations")
        {
            Headers = { Authorization = customer.Authorization },
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        foreach (var value in values)
        {
            request.Headers.TryAddWithoutValidation(IdempotencyKey.HeaderName, value);
        }

        return _gateway.SendAsync(request);
    }

    private async Task<string> FlightIdAsync(int day)
    {
        var flights = JsonNode.Parse(await _gateway.GetStringAsync("/flights?flight_no=AA2532"))!.AsArray();
        return (string)flights[day]!["flight_id"]!;
    }

    private static async Task<JsonObject> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal((int)status, (int)problem["status"]!);
        Assert.False(string.IsNullOrEmpty((string?)problem["title"]));
        return problem;
    }
}
