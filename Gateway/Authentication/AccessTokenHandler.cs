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
        else if (AuthenticationHeaderValue.TryParse(httpContext.HttpContext?.Request.Headers[HeaderNames.Authorization], out var callers))
        {
            // Set, not added: a retry of the resilience handler sends the same request through here again.
            request.Headers.Authorization = callers;
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
