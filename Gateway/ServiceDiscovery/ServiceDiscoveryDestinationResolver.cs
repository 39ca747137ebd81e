using Microsoft.Extensions.Primitives;
using Microsoft.Extensions.ServiceDiscovery;
using ServiceDefaults.ServiceDiscovery;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.ServiceDiscovery;

namespace Gateway.ServiceDiscovery;

/// <summary>
/// Expands each configured YARP destination whose address names a service (<c>http://flights</c>) into
/// one destination per endpoint that service discovery knows for it (every <c>services__flights__http__N</c>),
/// and asks YARP to resolve again when discovery reports a change.
/// </summary>
internal sealed class ServiceDiscoveryDestinationResolver(ServiceEndpointResolver resolver) : IDestinationResolver
{
    public async ValueTask<ResolvedDestinationCollection> ResolveDestinationsAsync(
        IReadOnlyDictionary<string, DestinationConfig> destinations,
        CancellationToken cancellationToken)
    {
        var resolved = new Dictionary<string, DestinationConfig>();
        var changeTokens = new List<IChangeToken>();

        foreach (var (destinationId, destination) in destinations)
        {
            var address = new Uri(destination.Address);
            var source = await resolver.GetEndpointsAsync(address.GetLeftPart(UriPartial.Authority), cancellationToken);
            changeTokens.Add(source.ChangeToken);

            foreach (var endpoint in source.Endpoints)
            {
                var endpointAddress = EndpointAddress.Rebase(address, endpoint.EndPoint);
                resolved[$"{destinationId}[{endpointAddress.Authority}]"] = destination with
                {
                    Address = endpointAddress.ToString(),
                    Host = destination.Host ?? address.Authority,
                };
            }
        }

        return new ResolvedDestinationCollection(resolved, new CompositeChangeToken(changeTokens));
    }
}
