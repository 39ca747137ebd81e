using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Airline.TestSupport.Identity;

namespace Gateway.Tests;

/// <summary>What the edge refuses before any work is done: too many requests, too large bodies, foreign origins.</summary>
public sealed class EdgeTests(GatewaySystemFixture system) : IClassFixture<GatewaySystemFixture>
{
    [Fact]
    public async Task Past_the_booking_limit_a_customer_gets_429_problem_json_with_retry_after_and_others_are_not_held_up()
    {
        var gateway = system.GatewayWithTightLimits;
        var (alice, bob) = (await system.Identity.SignUpAsync(), await system.Identity.SignUpAsync());

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var response = await SendAsync(gateway, alice, HttpMethod.Get, "/api/me/reservations");
            statuses.Add(response.StatusCode);
            refused = response;
        }

        using var others = await SendAsync(gateway, bob, HttpMethod.Get, "/api/me/reservations");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        await AssertProblemAsync(refused!, HttpStatusCode.TooManyRequests);
        Assert.True(refused!.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.OK, others.StatusCode);
    }

    [Fact]
    public async Task A_6_MB_body_is_413_problem_json_at_the_gateway_and_at_the_identity_service()
    {
        var customer = await system.Identity.SignUpAsync();
        var huge = $"{{\"flight_id\":\"{new string('x', 6 * 1024 * 1024)}\"}}";

        using var booking = await system.Gateway.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/reservations")
        {
            Content = new StringContent(huge, Encoding.UTF8, "application/json"),
            Headers = { Authorization = customer.Authorization, ExpectContinue = true },
        });
        using var registration = await system.Identity.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/account/register")
        {
            Content = new StringContent(huge, Encoding.UTF8, "application/json"),
            Headers = { ExpectContinue = true },
        });

        await AssertProblemAsync(booking, HttpStatusCode.RequestEntityTooLarge);
        await AssertProblemAsync(registration, HttpStatusCode.RequestEntityTooLarge);
    }

    [Theory]
    [InlineData("https://evil.example", false)]
    [InlineData(GatewaySystemFixture.FrontEndOrigin, true)]
    public async Task Browsers_may_call_across_origins_only_from_the_configured_front_end(string origin, bool allowed)
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/reservations")
        {
            Headers = { { "Origin", origin }, { "Access-Control-Request-Method", "POST" }, { "Access-Control-Request-Headers", "authorization,content-type" } },
        };

        using var response = await system.GatewayWithTightLimits.SendAsync(preflight);
        using var closed = await system.Gateway.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/flights?flight_no=AA2532") { Headers = { { "Origin", origin } } });

        Assert.Equal(allowed, response.Headers.TryGetValues("Access-Control-Allow-Origin", out var allowedOrigins) && allowedOrigins.Single() == origin);
        Assert.False(closed.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData("/flights?flight_no=AA2532")]
    [InlineData("/api/me/reservations")]
    [InlineData("/no-such-path")]
    public async Task Every_answer_carries_the_security_headers(string path)
    {
        using var response = await system.Gateway.GetAsync(path);

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient gateway, Customer customer, HttpMethod method, string path, HttpContent? content = null) =>
        gateway.SendAsync(new HttpRequestMessage(method, path) { Content = content, Headers = { Authorization = customer.Authorization } });

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonSerializer.Deserialize<JsonObject>(await response.Content.ReadAsStringAsync())!;
        Assert.Equal((int)status, (int)problem["status"]!);
    }
}
