using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Identity.Api.Tokens;

/// <summary>The keys from <see cref="IdentitySettings"/>: the RSA key that signs access tokens, the key that encrypts the rest.</summary>
public static class TokenKeys
{
    public static RsaSecurityKey Signing(string signingKey)
    {
        var rsa = RSA.Create();
        try
        {
            rsa.ImportPkcs8PrivateKey(Convert.FromBase64String(signingKey), out _);
        }
        catch (Exception exception) when (exception is FormatException or CryptographicException)
        {
            rsa.Dispose();
            throw new InvalidOperationException(
                $"{IdentitySettings.SectionName}:{nameof(IdentitySettings.SigningKey)} is not a base64 PKCS#8 RSA private key.", exception);
        }

        // The key id lets the APIs pick the key from the published set; it is derived from the public key, so it stays
        // the same across restarts.
        return new RsaSecurityKey(rsa) { KeyId = Base64UrlEncoder.Encode(SHA256.HashData(rsa.ExportRSAPublicKey()))[..16] };
    }

    public static SymmetricSecurityKey Encryption(string encryptionKey) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes(encryptionKey)));

    public static string Missing(string setting) =>
        $"{IdentitySettings.SectionName}:{setting} is not configured. The AppHost gives it to the service " +
        $"(Identity__{setting}); to run the service on its own, set it (see README, 'Identity').";
}
