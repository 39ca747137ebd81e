using System.Net;

namespace ServiceDefaults.ServiceDiscovery;

public static class EndpointAddress
{
    /// <summary>The address with its scheme, host and port replaced by those of a discovered endpoint.</summary>
    public static Uri Rebase(Uri address, EndPoint endpoint)
    {
        var builder = new UriBuilder(address);
        switch (endpoint)
        {
            case IPEndPoint ip:
                builder.Host = ip.Address.ToString();
                builder.Port = ip.Port;
                break;
            case DnsEndPoint dns:
                builder.Host = dns.Host;
                builder.Port = dns.Port;
                break;
            default:
                var uri = new Uri(endpoint.ToString()!, UriKind.Absolute);
                builder.Scheme = uri.Scheme;
                builder.Host = uri.Host;
                builder.Port = uri.Port;
                break;
        }

        return builder.Uri;
    }
}
