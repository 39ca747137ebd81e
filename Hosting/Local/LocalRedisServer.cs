using System.Net.Sockets;
using System.Text;

namespace Airline.Hosting.Local;

/// <summary>
/// A private <c>redis-server</c> with append-only persistence fsynced on every write, so that a write
/// Redis acknowledged survives a crash of the server.
/// </summary>
public sealed class LocalRedisServer(string dataDirectory, string? password = null, int? port = null, Action<string>? onOutput = null)
    : LocalServer(dataDirectory, password, port, onOutput)
{
    /// <summary>The connection string in the format services read from <c>ConnectionStrings__redis</c>.</summary>
    public string ConnectionString => $"{Host}:{Port},password={Password}";

    protected override string DisplayName => "Redis";

    protected override Task PrepareDataDirectoryAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    protected override (string FileName, IReadOnlyList<string> Arguments) Command() =>
    (
        Executable.Find("redis-server", "redis-server"),
        [
            "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--bind", Host,
            "--requirepass", Password,
            "--dir", DataDirectory,
            "--appendonly", "yes",
            "--appendfsync", "always",
            "--save", string.Empty,
            "--daemonize", "no",
        ]
    );

    public override async Task<bool> PingAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(1));

            using var client = new TcpClient();
            await client.ConnectAsync(Host, Port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"AUTH {Password}\r\nPING\r\n"), timeout.Token);

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
