using System.Security.Cryptography;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Reservations.Api.Tests;

/// <summary>
/// Unit tests of the one class that remembers validated access tokens (keys made here, no identity service). The
/// parameters are built as the JWT bearer handler builds them: the keys come from a discovery document.
/// </summary>
public sealed class ValidatedTokenCacheTests : IDisposable
{
    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "current" };
    private readonly RsaSecurityKey _otherKey = new(RSA.Create(2048)) { KeyId = "next" };
    private readonly ValidatedTokenCache _tokens = new(TimeProvider.System) { MapInboundClaims = false };

    [Fact]
    public async Task A_remembered_token_is_valid_again_with_its_own_copy_of_the_claims()
    {
        var token = Mint(_key);

        var first = await _tokens.ValidateTokenAsync(token, Parameters(_key));
        var second = await _tokens.ValidateTokenAsync(token, Parameters(_key));

        Assert.True(first.IsValid);
        Assert.True(second.IsValid);
        Assert.Equal("customer-1", second.ClaimsIdentity.FindFirst("sub")?.Value);
        Assert.NotSame(first.ClaimsIdentity, second.ClaimsIdentity);
    }

    [Fact]
    public async Task A_remembered_token_is_not_checked_again_while_its_key_is_published()
    {
        var token = Mint(_key);
        Assert.True((await _tokens.ValidateTokenAsync(token, Parameters(_key))).IsValid);
        // Same key id, other key material: a second signature check would fail.
        var sameIdOtherKey = new RsaSecurityKey(RSA.Create(2048)) { KeyId = _key.KeyId };

        var again = await _tokens.ValidateTokenAsync(token, Parameters(sameIdOtherKey));

        Assert.True(again.IsValid);
        Assert.False((await new JsonWebTokenHandler().ValidateTokenAsync(token, Parameters(sameIdOtherKey))).IsValid);
    }

    [Fact]
    public async Task A_remembered_token_is_refused_once_its_signing_key_is_no_longer_published()
    {
        var token = Mint(_key);
        Assert.True((await _tokens.ValidateTokenAsync(token, Parameters(_key))).IsValid);

        var afterRotation = await _tokens.ValidateTokenAsync(token, Parameters(_otherKey));

        Assert.False(afterRotation.IsValid);
    }

    [Fact]
    public async Task A_remembered_token_is_checked_again_once_it_has_expired()
    {
        var clock = new SettableTimeProvider();
        using var tokens = new ValidatedTokenCache(clock) { MapInboundClaims = false };
        var token = Mint(_key);
        Assert.True((await tokens.ValidateTokenAsync(token, Parameters(_key))).IsValid);
        var sameIdOtherKey = new RsaSecurityKey(RSA.Create(2048)) { KeyId = _key.KeyId };

        clock.Now = DateTimeOffset.UtcNow.AddMinutes(6);
        var afterExpiry = await tokens.ValidateTokenAsync(token, Parameters(sameIdOtherKey));

        Assert.False(afterExpiry.IsValid);
    }

    [Fact]
    public async Task A_token_whose_signature_was_altered_after_the_original_was_accepted_is_refused()
    {
        var token = Mint(_key);
        Assert.True((await _tokens.ValidateTokenAsync(token, Parameters(_key))).IsValid);
        var altered = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];

        var result = await _tokens.ValidateTokenAsync(altered, Parameters(_key));

        Assert.False(result.IsValid);
    }

    public void Dispose() => _tokens.Dispose();

    private static string Mint(SecurityKey key) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "http://identity/",
            Audience = "reservations",
            Claims = new Dictionary<string, object> { ["sub"] = "customer-1" },
            NotBefore = DateTime.UtcNow.AddMinutes(-1),
            IssuedAt = DateTime.UtcNow.AddMinutes(-1),
            Expires = DateTime.UtcNow.AddMinutes(5),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });

    private static TokenValidationParameters Parameters(SecurityKey publishedKey)
    {
        var discovery = new OpenIdConnectConfiguration { Issuer = "http://identity/" };
        discovery.SigningKeys.Add(publishedKey);
        return new TokenValidationParameters
        {
            ValidAudience = "reservations",
            ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(discovery),
            ClockSkew = TimeSpan.Zero,
        };
    }

    private sealed class SettableTimeProvider : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
