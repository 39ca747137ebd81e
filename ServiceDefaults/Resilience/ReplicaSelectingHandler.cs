using Microsoft.Extensions.ServiceDiscovery;
using Polly.CircuitBreaker;
using Polly.Timeout;
using ServiceDefaults.ServiceDiscovery;

namespace ServiceDefaults.Resilience;

/// <summary>
/// Sends each attempt of a request that names a service (<c>http://flights</c>) to one of its replicas, chosen
/// among those that have not just failed. A replica that could not be reached, dropped the connection, timed out
/// or has its circuit open is set aside (<see cref="ReplicaHealth"/>), so the retry around this handler reaches a
/// live replica; when every replica is set aside the attempt fails at once, without a network call.
/// </summary>
internal sealed class ReplicaSelectingHandler(ServiceEndpointResolver resolver, ReplicaHealth health) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var address = request.RequestUri ?? throw new InvalidOperationException("The request has no address.");
        var service = address.GetLeftPart(UriPartial.Authority);
        var replicas = (await resolver.GetEndpointsAsync(service, cancellationToken)).Endpoints;
        var replica = health.Choose(replicas) ?? throw new HttpRequestException(
            HttpRequestError.ConnectionError,
            replicas.Count == 0
                ? $"Service discovery knows no endpoint of {service}."
                : $"Every replica of {service} failed in the last {ReplicaHealth.SetAsidePeriod.TotalSeconds:0} s.");

        request.RequestUri = EndpointAddress.Rebase(address, replica.EndPoint);
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            health.Restore(replica);
            return response;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested
                                          && exception is HttpRequestException or TimeoutRejectedException or BrokenCircuitException)
        {
            health.SetAside(replica);
            throw;
        }
        finally
        {
            request.RequestUri = address;
        }
    }
}
