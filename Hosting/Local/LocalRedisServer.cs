using Airline.Hosting.BackingServices;

namespace Airline.Hosting.Local;

/// <summary>
/// A private <c>redis-server</c> with append-only persistence fsynced on every write, so that a write
/// Redis acknowledged survives a crash of the server.
/// </summary>
public sealed class LocalRedisServer(string dataDirectory, string? password = null, int? port = null, Action<string>? onOutput = null)
    : LocalServer(dataDirectory, password, port, onOutput)
{
    /// <summary>The connection string in the format services read from <c>ConnectionStrings__redis</c>.</summary>
    public string ConnectionString => ConnectionStrings.Redis(Host, Port, Password);

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

    public override Task<bool> PingAsync(CancellationToken cancellationToken = default) =>
        RedisProbe.PingAsync(Host, Port, Password, cancellationToken);
}
