using Airline.Hosting.Parameters;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting;

public static class SigningKeyParameterExtensions
{
    /// <summary>
    /// A secret RSA private key (2048 bits, PKCS#8, base64 on one line) that signs tokens: configured as
    /// <c>Parameters:{name}</c>, else generated once and kept in the AppHost's user secrets like the generated passwords.
    /// </summary>
    public static IResourceBuilder<ParameterResource> AddSigningKeyParameter(this IDistributedApplicationBuilder builder, [ResourceName] string name) =>
        builder.AddParameter(name, new RsaPrivateKeyDefault(), secret: true, persist: true);

    /// <summary>A secret of 32 letters and digits: configured as <c>Parameters:{name}</c>, else generated once and kept.</summary>
    public static IResourceBuilder<ParameterResource> AddGeneratedSecretParameter(this IDistributedApplicationBuilder builder, [ResourceName] string name) =>
        builder.AddParameter(name, new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true, persist: true);
}
