using Microsoft.Extensions.Caching.Memory;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Validates access tokens like <see cref="JsonWebTokenHandler"/> and remembers the ones that passed until they
/// expire, so a client sending the same token on every request pays for the signature check once. A remembered token
/// is accepted only while its signing key is still one of the identity service's keys; each request gets its own
/// copy of the claims.
/// </summary>
internal sealed class ValidatedTokenCache(TimeProvider clock) : JsonWebTokenHandler, IDisposable
{
    private const int MaxTokens = 4_096;

    private readonly MemoryCache validated = new(new MemoryCacheOptions { SizeLimit = MaxTokens });

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        if (validated.TryGetValue(token, out TokenValidationResult? known)
            && known!.SecurityToken.ValidTo > clock.GetUtcNow().UtcDateTime
            && await SignedWithPublishedKeyAsync(known, validationParameters))
        {
            return new TokenValidationResult
            {
                IsValid = true,
                Issuer = known.Issuer,
                SecurityToken = known.SecurityToken,
                TokenType = known.TokenType,
                ClaimsIdentity = known.ClaimsIdentity.Clone(),
            };
        }

        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid)
        {
            validated.Set(token, result, new MemoryCacheEntryOptions
            {
                AbsoluteExpiration = new DateTimeOffset(result.SecurityToken.ValidTo, TimeSpan.Zero),
                Size = 1,
            });
        }

        return result;
    }

    public void Dispose() => validated.Dispose();

    /// <summary>
    /// Whether the key that signed the token is among the keys given or, as the JWT bearer handler passes them, the
    /// identity service's discovery document (cached by its configuration manager). When that cannot be read, the
    /// token goes through full validation, which reports why.
    /// </summary>
    private static async Task<bool> SignedWithPublishedKeyAsync(TokenValidationResult known, TokenValidationParameters validationParameters)
    {
        if (known.SecurityToken.SigningKey?.KeyId is not { } keyId)
        {
            return false;
        }

        if (validationParameters.IssuerSigningKeys?.Any(key => key.KeyId == keyId) == true)
        {
            return true;
        }

        try
        {
            return validationParameters.ConfigurationManager is { } discovery
                   && (await discovery.GetBaseConfigurationAsync(CancellationToken.None)).SigningKeys.Any(key => key.KeyId == keyId);
        }
        catch (Exception unreadable) when (unreadable is not OutOfMemoryException)
        {
            return false;
        }
    }
}
