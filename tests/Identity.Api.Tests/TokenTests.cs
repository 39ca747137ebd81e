using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Airline.TestSupport.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Identity.Api.Tests;

[Collection(IdentityServiceCollection.Name)]
public sealed class TokenTests(IdentityServiceFixture identity)
{
    private readonly HttpClient _client = identity.Client;

    [Fact]
    public async Task Discovery_names_the_endpoints_grants_and_one_RSA_signing_key()
    {
        var discovery = await _client.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");
        var keys = await _client.GetFromJsonAsync<JsonElement>(discovery.GetProperty("jwks_uri").GetString());

        Assert.Equal(identity.Service.BaseAddress.ToString(), discovery.GetProperty("issuer").GetString());
        Assert.Equal(new Uri(identity.Service.BaseAddress, "/connect/token").ToString(), discovery.GetProperty("token_endpoint").GetString());
        Assert.Equal(new Uri(identity.Service.BaseAddress, "/connect/authorize").ToString(), discovery.GetProperty("authorization_endpoint").GetString());
        Assert.Equal(
            ["authorization_code", "client_credentials", "password", "refresh_token"],
            discovery.GetProperty("grant_types_supported").EnumerateArray().Select(grant => grant.GetString()).Order());
        Assert.Contains("S256", discovery.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(method => method.GetString()));
        var key = Assert.Single(keys.GetProperty("keys").EnumerateArray());
        Assert.Equal("RSA", key.GetProperty("kty").GetString());
        Assert.False(key.TryGetProperty("d", out _));
    }

    [Fact]
    public async Task The_password_grant_gives_a_short_lived_signed_access_token_for_both_APIs_and_a_refresh_token()
    {
        var customer = await identity.Service.SignUpAsync();

        using var response = await Customers.RequestTokenAsync(_client, customer.Email, customer.Password);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = new JsonWebToken(body.GetProperty("access_token").GetString());
        Assert.Equal("RS256", token.Alg);
        Assert.Equal(customer.UserId, token.Subject);
        Assert.Equal(["gateway", "reservations"], token.Audiences.Order());
        Assert.Equal(identity.Service.BaseAddress.ToString(), token.Issuer);
        Assert.Contains("reservations", token.GetClaim("scope").Value.Split(' '));
        Assert.InRange(token.ValidTo - token.IssuedAt, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(15));
        Assert.True(body.TryGetProperty("refresh_token", out var refresh));

        using var refreshed = await TokenAsync(new() { ["grant_type"] = "refresh_token", ["client_id"] = "airline-cli", ["refresh_token"] = refresh.GetString()! });
        var renewed = await refreshed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.Equal(customer.UserId, new JsonWebToken(renewed.GetProperty("access_token").GetString()).Subject);
    }

    [Fact]
    public async Task A_wrong_password_is_invalid_grant_and_the_fifth_in_a_row_locks_the_account()
    {
        var customer = await identity.Service.SignUpAsync();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var wrong = await Customers.RequestTokenAsync(_client, customer.Email, "Not-The-Password-1");
            Assert.Equal("The email or password is wrong.", await ErrorDescriptionAsync(wrong));
        }

        using var fifth = await Customers.RequestTokenAsync(_client, customer.Email, "Not-The-Password-1");
        using var rightAfterwards = await Customers.RequestTokenAsync(_client, customer.Email, customer.Password);

        Assert.Contains("locked", await ErrorDescriptionAsync(fifth), StringComparison.Ordinal);
        Assert.Contains("locked", await ErrorDescriptionAsync(rightAfterwards), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_email_is_the_same_invalid_grant_as_a_wrong_password()
    {
        using var response = await Customers.RequestTokenAsync(_client, $"nobody-{Guid.NewGuid():N}@example.com", "Whatever-1");

        Assert.Equal("The email or password is wrong.", await ErrorDescriptionAsync(response));
    }

    [Fact]
    public async Task The_gateway_gets_a_token_of_its_own_with_the_service_scope_and_only_with_its_secret()
    {
        var token = new JsonWebToken(await identity.Service.GatewayTokenAsync());
        using var wrongSecret = await TokenAsync(new()
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "gateway", ["client_secret"] = "guessed", ["scope"] = "reservations.all",
        });
        using var publicClient = await TokenAsync(new() { ["grant_type"] = "client_credentials", ["client_id"] = "airline-cli", ["scope"] = "reservations.all" });

        Assert.Equal("gateway", token.Subject);
        Assert.Equal(["reservations"], token.Audiences);
        Assert.Equal("reservations.all", token.GetClaim("scope").Value);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongSecret.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, publicClient.StatusCode);
    }

    [Fact]
    public async Task The_code_flow_with_PKCE_signs_in_on_the_page_and_exchanges_the_code_for_the_customers_token()
    {
        var customer = await identity.Service.SignUpAsync();
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new() })
        {
            BaseAddress = identity.Service.BaseAddress,
        };
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var authorize = QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = "airline-web",
            ["response_type"] = "code",
            ["redirect_uri"] = IdentityService.WebRedirectUri,
            ["scope"] = "reservations",
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",
            ["state"] = "xyz",
        });

        using var toSignIn = await browser.GetAsync(authorize);
        Assert.Equal(HttpStatusCode.Redirect, toSignIn.StatusCode);
        Assert.StartsWith("/account/signin", toSignIn.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var page = await browser.GetStringAsync(toSignIn.Headers.Location);
        var returnUrl = WebUtility.HtmlDecode(HiddenField(page, "returnUrl"));
        using var signedIn = await browser.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(HiddenField(page, "__RequestVerificationToken")),
            ["returnUrl"] = returnUrl,
            ["email"] = customer.Email,
            ["password"] = customer.Password,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        using var withCode = await browser.GetAsync(signedIn.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, withCode.StatusCode);
        var callback = withCode.Headers.Location!;
        Assert.StartsWith(IdentityService.WebRedirectUri, callback.ToString(), StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(callback.Query);
        Assert.Equal("xyz", query["state"].ToString());

        using var exchanged = await TokenAsync(new()
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = "airline-web",
            ["code"] = query["code"].ToString(),
            ["redirect_uri"] = IdentityService.WebRedirectUri,
            ["code_verifier"] = verifier,
        });

        var body = await exchanged.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, exchanged.StatusCode);
        Assert.Equal(customer.UserId, new JsonWebToken(body.GetProperty("access_token").GetString()).Subject);
    }

    [Fact]
    public async Task Ending_the_session_sends_the_browser_back_to_the_web_client_and_the_next_sign_in_asks_for_the_password()
    {
        var customer = await identity.Service.SignUpAsync();
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new() })
        {
            BaseAddress = identity.Service.BaseAddress,
        };
        var page = await browser.GetStringAsync("/account/signin");
        using var signedIn = await browser.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(HiddenField(page, "__RequestVerificationToken")),
            ["email"] = customer.Email,
            ["password"] = customer.Password,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var authorize = QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = "airline-web",
            ["response_type"] = "code",
            ["redirect_uri"] = IdentityService.WebRedirectUri,
            ["scope"] = "reservations",
            ["code_challenge"] = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes("verifier-verifier-verifier-verifier-verifier"))),
            ["code_challenge_method"] = "S256",
        });
        using var whileSignedIn = await browser.GetAsync(authorize);

        using var ended = await browser.GetAsync(QueryHelpers.AddQueryString("/connect/endsession", new Dictionary<string, string?>
        {
            ["client_id"] = "airline-web",
            ["post_logout_redirect_uri"] = IdentityService.WebPostLogoutRedirectUri,
            ["state"] = "bye",
        }));
        using var afterwards = await browser.GetAsync(authorize);

        Assert.StartsWith(IdentityService.WebRedirectUri, whileSignedIn.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.Equal($"{IdentityService.WebPostLogoutRedirectUri}?state=bye", ended.Headers.Location!.ToString());
        Assert.StartsWith("/account/signin", afterwards.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sign_in_page_refuses_a_wrong_password_with_401_and_says_so()
    {
        var customer = await identity.Service.SignUpAsync();
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new() })
        {
            BaseAddress = identity.Service.BaseAddress,
        };
        var page = await browser.GetStringAsync("/account/signin");

        using var refused = await browser.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(HiddenField(page, "__RequestVerificationToken")),
            ["email"] = customer.Email,
            ["password"] = "Not-The-Password-1",
        }));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("The email or password is wrong.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>OpenIddict reads the form itself; the reader's refusals were 500s before the service defaults mapped them.</summary>
    [Theory]
    [InlineData("over 1,024 fields")]
    [InlineData("a field name over 2 KB")]
    [InlineData("an encoded NUL")]
    public async Task A_token_request_whose_form_cannot_be_read_is_400_problem_json(string damage)
    {
        var form = "grant_type=password&client_id=airline-cli&username=nobody%40example.com" + damage switch
        {
            "over 1,024 fields" => string.Concat(Enumerable.Repeat("&scope=reservations", 1_100)),
            "a field name over 2 KB" => $"&{new string('k', 3 * 1024)}=1",
            _ => "&password=a%00b",
        };

        using var response = await _client.PostAsync("/connect/token", new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded"));

        var problem = await RegistrationTests.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("The request's form could not be read.", problem.GetProperty("title").GetString());
    }

    private Task<HttpResponseMessage> TokenAsync(Dictionary<string, string> form) =>
        _client.PostAsync("/connect/token", new FormUrlEncodedContent(form));

    private static async Task<string?> ErrorDescriptionAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("invalid_grant", error.GetProperty("error").GetString());
        return error.GetProperty("error_description").GetString();
    }

    private static string HiddenField(string page, string name) =>
        Regex.Match(page, $"name=\"{Regex.Escape(name)}\" value=\"([^\"]*)\"").Groups[1].Value;
}
