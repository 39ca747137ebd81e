using System.Net.Sockets;
using System.Text;

namespace Airline.Hosting.BackingServices;

/// <summary>Asks a Redis server, local or in a container, whether it takes commands: AUTH then PING over RESP.</summary>
public static class RedisProbe
{
    public static async Task<bool> PingAsync(string host, int port, string password, CancellationToken cancellationToken = default)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(1));

            using var client = new TcpClient();
            await client.ConnectAsync(host, port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"AUTH {password}\r\nPING\r\n"), timeout.Token);

            var reply = new StringBuilder();
            var buffer = new byte[256];
            while (true)
            {
                var read = await stream.ReadAsync(buffer, timeout.Token);
                if (read == 0)
                {
                    return false;
                }

                reply.Append(Encoding.ASCII.GetString(buffer, 0, read));
                var text = reply.ToString();
                if (text.Contains("+PONG\r\n", StringComparison.Ordinal))
                {
                    return true;
                }

                if (text.StartsWith('-') || text.Contains("\r\n-", StringComparison.Ordinal))
                {
                    return false;
                }
            }
        }
        catch (Exception exception) when (exception is SocketException or IOException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
