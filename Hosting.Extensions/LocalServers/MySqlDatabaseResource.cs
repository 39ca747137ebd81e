using Aspire.Hosting.ApplicationModel;

namespace Airline.Hosting.LocalServers;

/// <summary>A database of a MySQL server, created (if missing) once the server is ready and before anything that waits for it starts.</summary>
public sealed class MySqlDatabaseResource(string name, string databaseName, IMySqlServerResource server)
    : Resource(name), IResourceWithParent<IMySqlServerResource>, IResourceWithConnectionString
{
    public string DatabaseName { get; } = databaseName;

    public IMySqlServerResource Parent { get; } = server;

    public ReferenceExpression ConnectionStringExpression => MySqlConnectionStrings.Database(Parent, DatabaseName);
}
