using System.Net.Http.Headers;
using Microsoft.AspNetCore.Authentication;

namespace Web.Gateway;

/// <summary>Sends the signed-in customer's access token, kept in their session, with every call to the gateway.</summary>
public sealed class GatewayTokenHandler(IHttpContextAccessor httpContext) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (httpContext.HttpContext is { } context && await context.GetTokenAsync("access_token") is { } token)
        {
            // Set, not added: a retry of the resilience handler sends the same request through here again.
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
