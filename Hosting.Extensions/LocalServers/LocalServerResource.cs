using Aspire.Hosting.ApplicationModel;

namespace Airline.Hosting.LocalServers;

/// <summary>
/// A backing server run as a process of this machine on a loopback port of its own, with its data in a folder of its
/// own and a password that it reads from its files, never from its command line.
/// </summary>
public abstract class LocalServerResource(string name, string command, string workingDirectory, string stateDirectory, ParameterResource password)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    internal const string EndpointName = "tcp";

    public ParameterResource Password { get; } = password;

    public LocalServerData Data { get; } = new(name, stateDirectory);

    public EndpointReference PrimaryEndpoint => new(this, EndpointName);

    public abstract ReferenceExpression ConnectionStringExpression { get; }
}
