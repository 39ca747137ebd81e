using Aspire.Hosting.ApplicationModel;

namespace Airline.Hosting.LocalServers;

/// <summary>A MySQL server in a container (MariaDB built here, or the official mysql image), for machines where a container runtime answers.</summary>
public sealed class MySqlContainerResource(string name, ParameterResource password)
    : ContainerResource(name), IMySqlServerResource
{
    internal const string EndpointName = "tcp";

    internal const int Port = 3306;

    internal const string DataPath = "/var/lib/mysql";

    public ParameterResource Password { get; } = password;

    public IList<MySqlDatabaseResource> Databases { get; } = [];

    public EndpointReference PrimaryEndpoint => new(this, EndpointName);

    public ReferenceExpression ConnectionStringExpression => MySqlConnectionStrings.Server(this);
}
