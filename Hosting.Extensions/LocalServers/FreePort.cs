using System.Net;
using System.Net.Sockets;

namespace Airline.Hosting.LocalServers;

/// <summary>A loopback port nobody listens on at the moment it is asked for.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
