using System.Security.Cryptography;
using Airline.TestSupport.Servers;
using Identity.Api.Data;
using Identity.Api.Tokens;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Airline.TestSupport.Identity;

/// <summary>
/// Identity.Api on real Kestrel over a database of the given MySQL server, with a signing key made for the test,
/// the gateway's client secret and one agent. Since the test holds the signing key it can also make tokens the
/// service would never issue (expired, for another audience, for any subject) to see the APIs refuse or accept them.
/// </summary>
public sealed class IdentityService : IAsyncDisposable
{
    public const string GatewayClientSecret = "test-gateway-client-secret";
    public const string AgentEmail = "agent@airline.example";
    public const string WebRedirectUri = "http://localhost:5173/signin-callback";
    public const string WebPostLogoutRedirectUri = "http://localhost:5173/signout-callback";

    private readonly KestrelServiceFactory<IdentityContext> _service;
    private readonly RsaSecurityKey _signingKey;

    /// <param name="settings">More configuration of the service, e.g. tighter rate limits.</param>
    public IdentityService(MySqlServer mysql, string database = "identitydb", IReadOnlyDictionary<string, string?>? settings = null)
    {
        using var rsa = RSA.Create(2048);
        var signingKey = Convert.ToBase64String(rsa.ExportPkcs8PrivateKey());
        _signingKey = TokenKeys.Signing(signingKey);
        _service = new KestrelServiceFactory<IdentityContext>(new Dictionary<string, string?>
        {
            ["ConnectionStrings:identitydb"] = mysql.GetConnectionString(database),
            ["Identity:SigningKey"] = signingKey,
            ["Identity:EncryptionKey"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)),
            ["Identity:GatewayClientSecret"] = GatewayClientSecret,
            ["Identity:Agents:0:Email"] = AgentEmail,
            ["Identity:Agents:0:Password"] = Customers.Password,
            ["Identity:WebRedirectUris:0"] = WebRedirectUri,
            ["Identity:WebPostLogoutRedirectUris:0"] = WebPostLogoutRedirectUri,
        }.Concat(settings ?? new Dictionary<string, string?>()).ToDictionary());
        Client = new HttpClient { BaseAddress = _service.BaseAddress };
    }

    public Uri BaseAddress => _service.BaseAddress;

    public HttpClient Client { get; }

    /// <summary>What a service that references <c>identity</c> is given.</summary>
    public KeyValuePair<string, string?> ServiceDiscoverySetting => new("services:identity:http:0", BaseAddress.ToString());

    public Task<Customer> SignUpAsync() => Customers.SignUpAsync(Client);

    public async Task<Customer> SignInAgentAsync() =>
        new("agent", AgentEmail, Customers.Password, await Customers.SignInAsync(Client, AgentEmail, Customers.Password));

    /// <summary>The gateway's own token (client credentials, scope <c>reservations.all</c>), issued by the service.</summary>
    public async Task<string> GatewayTokenAsync()
    {
        using var response = await Client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "gateway",
            ["client_secret"] = GatewayClientSecret,
            ["scope"] = "reservations.all",
        }));
        response.EnsureSuccessStatusCode();
        using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>A token as the service would sign it, for any subject, audience, scopes, roles and expiry; or signed by another key.</summary>
    public string MintToken(
        string subject,
        string audience,
        string scopes = "reservations",
        string[]? roles = null,
        TimeSpan? expiresIn = null,
        bool otherKey = false)
    {
        var now = DateTime.UtcNow;
        var expires = now + (expiresIn ?? TimeSpan.FromMinutes(5));
        var claims = new Dictionary<string, object> { ["sub"] = subject, ["scope"] = scopes };
        if (roles is { Length: > 0 })
        {
            claims["role"] = roles;
        }

        using var other = otherKey ? RSA.Create(2048) : null;
        SecurityKey key = other is null ? _signingKey : new RsaSecurityKey(other) { KeyId = _signingKey.KeyId };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = BaseAddress.ToString(),
            Audience = audience,
            Claims = claims,
            IssuedAt = expires < now ? expires - TimeSpan.FromMinutes(5) : now,
            NotBefore = expires < now ? expires - TimeSpan.FromMinutes(5) : now,
            Expires = expires,
            TokenType = "at+jwt",
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _service.DisposeAsync();
    }
}
