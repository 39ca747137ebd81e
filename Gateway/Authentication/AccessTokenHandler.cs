using System.Net.Http.Headers;
using Microsoft.Net.Http.Headers;

namespace Gateway.Authentication;

/// <summary>
/// Gives a call to Reservations.Api its bearer token: the gateway's own for a request marked with
/// <see cref="UseGatewayToken"/>, otherwise the caller's, passed on as it came.
/// </summary>
public sealed class AccessTokenHandler(IHttpContextAccessor httpContext, GatewayTokenClient gatewayToken) : DelegatingHandler
{
    private static readonly HttpRequestOptionsKey<bool> GatewayTokenOption = new("airline.gateway-token");

    /// <summary>Marks a request that reads every customer's data: it goes with the gateway's own token.</summary>
    public static HttpRequestMessage UseGatewayToken(HttpRequestMessage request)
    {
        request.Options.Set(GatewayTokenOption, true);
        return request;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Options.TryGetValue(GatewayTokenOption, out var own) && own)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await gatewayToken.GetTokenAsync(cancellationToken));
        }
        else if (httpContext.HttpContext?.Request.Headers.Authorization is { Count: 1 } callers)
        {
            // Set, not added: a retry of the resilience handler sends the same request through here again. The value
            // the gateway's authentication accepted is sent as it came, not parsed and formatted again (two copies
            // of a 1 KB token per call).
            request.Headers.Remove(HeaderNames.Authorization);
            request.Headers.TryAddWithoutValidation(HeaderNames.Authorization, callers.ToString());
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
