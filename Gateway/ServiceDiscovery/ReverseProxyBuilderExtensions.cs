using Microsoft.Extensions.DependencyInjection.Extensions;
using Yarp.ReverseProxy.ServiceDiscovery;

namespace Gateway.ServiceDiscovery;

internal static class ReverseProxyBuilderExtensions
{
    /// <summary>Resolves destinations such as <c>http://flights</c> through .NET service discovery.</summary>
    public static IReverseProxyBuilder AddServiceDiscoveryDestinationResolver(this IReverseProxyBuilder builder)
    {
        builder.Services.AddServiceDiscoveryCore();
        builder.Services.Replace(ServiceDescriptor.Singleton<IDestinationResolver, ServiceDiscoveryDestinationResolver>());
        return builder;
    }
}
