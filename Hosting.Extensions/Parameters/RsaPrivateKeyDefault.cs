using System.Security.Cryptography;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Publishing;

namespace Airline.Hosting.Parameters;

/// <summary>A new RSA private key, as the identity service reads its signing key: 2048 bits, PKCS#8, base64.</summary>
internal sealed class RsaPrivateKeyDefault : ParameterDefault
{
    public override string GetDefaultValue()
    {
        using var rsa = RSA.Create(2048);
        return Convert.ToBase64String(rsa.ExportPkcs8PrivateKey());
    }

    /// <summary>A published model has no generator for it: the deployment provides the key.</summary>
    public override void WriteToManifest(ManifestPublishingContext context)
    {
    }
}
