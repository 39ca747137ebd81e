using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Airline.TestSupport.Identity;

namespace Identity.Api.Tests;

[Collection(IdentityServiceCollection.Name)]
public sealed class RegistrationTests(IdentityServiceFixture identity)
{
    private readonly HttpClient _client = identity.Client;

    [Fact]
    public async Task Registering_is_201_with_the_account_whose_id_is_the_tokens_subject()
    {
        var email = NewEmail();

        using var response = await RegisterAsync(email, Customers.Password);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var account = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(email, account.GetProperty("email").GetString());
        var token = await Customers.SignInAsync(_client, email, Customers.Password);
        Assert.Equal(account.GetProperty("user_id").GetString(), new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(token).Subject);
    }

    [Fact]
    public async Task A_taken_email_is_409_problem_json()
    {
        var email = NewEmail();
        using var first = await RegisterAsync(email, Customers.Password);

        using var again = await RegisterAsync(email.ToUpperInvariant(), Customers.Password);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        await AssertProblemAsync(again, HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("not-an-email", "Seat-Holder-42", "email")]
    [InlineData("", "Seat-Holder-42", "email")]
    [InlineData("weak@example.com", "short", "password")]
    [InlineData("plain@example.com", "alllowercaseletters", "password")]
    [InlineData("nopassword@example.com", "", "password")]
    public async Task A_malformed_email_or_a_weak_password_is_400_naming_the_field(string email, string password, string field)
    {
        using var response = await RegisterAsync(email, password);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
    }

    [Fact]
    public async Task Malformed_json_is_400_problem_json()
    {
        using var response = await _client.PostAsync("/account/register", new StringContent("{\"email\":", System.Text.Encoding.UTF8, "application/json"));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Registration_and_sign_in_past_the_limit_per_address_are_429_problem_json_with_retry_after()
    {
        var client = identity.TightlyLimited.Client;
        var email = NewEmail();

        using var registered = await client.PostAsJsonAsync("/account/register", new { email, password = Customers.Password });
        using var first = await Customers.RequestTokenAsync(client, email, Customers.Password);
        using var second = await Customers.RequestTokenAsync(client, email, Customers.Password);
        using var refused = await Customers.RequestTokenAsync(client, email, Customers.Password);
        using var registerRefused = await client.PostAsJsonAsync("/account/register", new { email = NewEmail(), password = Customers.Password });

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.OK], new[] { registered.StatusCode, first.StatusCode, second.StatusCode });
        await AssertProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        await AssertProblemAsync(registerRefused, HttpStatusCode.TooManyRequests);
    }

    private Task<HttpResponseMessage> RegisterAsync(string email, string password) =>
        _client.PostAsJsonAsync("/account/register", new { email, password });

    private static string NewEmail() => $"reg-{Guid.NewGuid():N}@example.com";

    internal static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }
}
