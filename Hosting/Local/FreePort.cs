using System.Net;
using System.Net.Sockets;

namespace Airline.Hosting.Local;

public static class FreePort
{
    /// <summary>
    /// Below Linux's ephemeral range (32768–60999): a port the OS handed out for a listener and released again can
    /// be taken as the local port of any outgoing connection before the service binds it (seen in CI as
    /// "address already in use"); a port from here never is.
    /// </summary>
    private const int FirstPort = 20000;
    private const int LastPort = 32767;

    /// <summary>A loopback TCP port nobody listens on right now.</summary>
    public static int Next()
    {
        while (true)
        {
            var port = Random.Shared.Next(FirstPort, LastPort + 1);
            if (IsFree(port))
            {
                return port;
            }
        }
    }

    /// <summary>Whether nothing listens on <paramref name="port"/> of the loopback interface.</summary>
    public static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
