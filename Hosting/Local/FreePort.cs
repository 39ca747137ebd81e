using System.Globalization;
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

    /// <summary>
    /// How long a port handed out stays claimed for this machine's other processes: long enough for the slowest
    /// server (MariaDB initialising its data directory) to bind it.
    /// </summary>
    private static readonly TimeSpan ClaimLifetime = TimeSpan.FromMinutes(5);

    private static readonly string ClaimDirectory = Path.Combine(Path.GetTempPath(), "airline-port-claims");

    /// <summary>
    /// A loopback TCP port nobody listens on right now and no other process on this machine was handed in the last
    /// minutes (test projects run in parallel, each starting servers that bind their port only seconds later).
    /// </summary>
    public static int Next()
    {
        Directory.CreateDirectory(ClaimDirectory);
        while (true)
        {
            var port = Random.Shared.Next(FirstPort, LastPort + 1);
            if (IsFree(port) && TryClaim(port))
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

    private static bool TryClaim(int port)
    {
        var claim = Path.Combine(ClaimDirectory, port.ToString(CultureInfo.InvariantCulture));
        try
        {
            if (File.Exists(claim) && DateTime.UtcNow - File.GetLastWriteTimeUtc(claim) > ClaimLifetime)
            {
                File.Delete(claim);
            }

            using (new FileStream(claim, FileMode.CreateNew, FileAccess.Write))
            {
            }

            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
