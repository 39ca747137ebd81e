using Aspire.Hosting.ApplicationModel;

namespace Airline.Hosting.LocalServers;

/// <summary>A MySQL server of the app model, whichever way it runs: a local MariaDB process or a container.</summary>
public interface IMySqlServerResource : IResourceWithConnectionString, IResourceWithEndpoints
{
    ParameterResource Password { get; }

    IList<MySqlDatabaseResource> Databases { get; }

    EndpointReference PrimaryEndpoint { get; }
}
