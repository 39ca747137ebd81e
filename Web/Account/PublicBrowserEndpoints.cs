using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Web.Account;

/// <summary>
/// Reads the identity service's discovery document from inside the system (<c>http://identity</c>), where it names
/// every endpoint under that inside address. The two a browser is sent to, sign-in and sign-out, move to the identity
/// service's public address (<c>Identity:Issuer</c>: the Ingress when published, the same address in run mode); the
/// token endpoint and the keys stay inside.
/// </summary>
internal sealed class PublicBrowserEndpoints(Uri? publicIssuer) : IConfigurationRetriever<OpenIdConnectConfiguration>
{
    public static ConfigurationManager<OpenIdConnectConfiguration> ConfigurationManager(Uri authority, Uri? publicIssuer, HttpClient backchannel) =>
        new(new Uri(authority, ".well-known/openid-configuration").AbsoluteUri,
            new PublicBrowserEndpoints(publicIssuer),
            new HttpDocumentRetriever(backchannel) { RequireHttps = false });

    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(string address, IDocumentRetriever retriever, CancellationToken cancel)
    {
        var configuration = await OpenIdConnectConfigurationRetriever.GetAsync(address, retriever, cancel);
        configuration.AuthorizationEndpoint = Public(configuration.AuthorizationEndpoint);
        configuration.EndSessionEndpoint = Public(configuration.EndSessionEndpoint);
        return configuration;
    }

    private string? Public(string? endpoint) =>
        publicIssuer is not null && Uri.TryCreate(endpoint, UriKind.Absolute, out var inside)
            ? new Uri(publicIssuer, inside.PathAndQuery).AbsoluteUri
            : endpoint;
}
