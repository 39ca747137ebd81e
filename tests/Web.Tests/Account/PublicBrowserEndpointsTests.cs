using Microsoft.IdentityModel.Protocols;
using Web.Account;

namespace Web.Tests.Account;

/// <summary>The discovery document as the web app reads it from inside the system, with the browser's endpoints made public.</summary>
public sealed class PublicBrowserEndpointsTests
{
    private const string Inside = "http://identity:8080";

    [Fact]
    public async Task Sign_in_and_sign_out_move_to_the_public_address_while_the_token_endpoint_and_keys_stay_inside()
    {
        var configuration = await new PublicBrowserEndpoints(new Uri("https://airline.example.com"))
            .GetConfigurationAsync($"{Inside}/.well-known/openid-configuration", new DiscoveryDocuments(), CancellationToken.None);

        Assert.Equal("https://airline.example.com/connect/authorize", configuration.AuthorizationEndpoint);
        Assert.Equal("https://airline.example.com/connect/endsession", configuration.EndSessionEndpoint);
        Assert.Equal($"{Inside}/connect/token", configuration.TokenEndpoint);
        Assert.Equal($"{Inside}/.well-known/jwks", configuration.JwksUri);
    }

    [Fact]
    public async Task Without_a_public_address_the_document_is_kept_as_it_is()
    {
        var configuration = await new PublicBrowserEndpoints(publicIssuer: null)
            .GetConfigurationAsync($"{Inside}/.well-known/openid-configuration", new DiscoveryDocuments(), CancellationToken.None);

        Assert.Equal($"{Inside}/connect/authorize", configuration.AuthorizationEndpoint);
        Assert.Equal($"{Inside}/connect/endsession", configuration.EndSessionEndpoint);
    }

    /// <summary>What the identity service answers inside the system: every endpoint under its inside address.</summary>
    private sealed class DiscoveryDocuments : IDocumentRetriever
    {
        public Task<string> GetDocumentAsync(string address, CancellationToken cancel) => Task.FromResult(address.EndsWith("/jwks", StringComparison.Ordinal)
            ? """{"keys":[]}"""
            : $$"""
              {"issuer":"https://airline.example.com/","authorization_endpoint":"{{Inside}}/connect/authorize",
               "token_endpoint":"{{Inside}}/connect/token","end_session_endpoint":"{{Inside}}/connect/endsession",
               "jwks_uri":"{{Inside}}/.well-known/jwks"}
              """);
    }
}
