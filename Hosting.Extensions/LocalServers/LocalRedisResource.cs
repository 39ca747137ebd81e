using Aspire.Hosting.ApplicationModel;

namespace Airline.Hosting.LocalServers;

/// <summary>
/// <c>redis-server</c> as a process of this machine on a loopback port, with append-only persistence fsynced on every
/// write, so that a write Redis acknowledged survives a crash of the server. Its settings, the password among them,
/// are in a file of its data folder rather than on its command line.
/// </summary>
public sealed class LocalRedisResource(string name, string command, string workingDirectory, string stateDirectory, ParameterResource password)
    : LocalServerResource(name, command, workingDirectory, stateDirectory, password)
{
    public override ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"{PrimaryEndpoint.Property(EndpointProperty.IPV4Host)}:{PrimaryEndpoint.Property(EndpointProperty.Port)},password={Password}");

    internal string ConfigurationFile => Path.Combine(Data.Directory, "redis.conf");

    internal async Task WriteConfigurationAsync(CancellationToken cancellationToken)
    {
        var port = await PrimaryEndpoint.Property(EndpointProperty.TargetPort).GetValueAsync(cancellationToken);
        var password = await Password.GetValueAsync(cancellationToken);
        Directory.CreateDirectory(Data.Directory);
        await LocalServerData.WritePrivateFileAsync(ConfigurationFile,
        [
            $"port {port}",
            "bind 127.0.0.1",
            $"requirepass {password}",
            $"dir {Data.Directory}",
            "appendonly yes",
            "appendfsync always",
            "save \"\"",
            "daemonize no",
        ], cancellationToken);
    }
}
