using Aspire.Hosting.ApplicationModel;

namespace Airline.Hosting.LocalServers;

/// <summary>The connection strings services read from <c>ConnectionStrings__{name}</c>, as MySqlConnector parses them.</summary>
internal static class MySqlConnectionStrings
{
    public static ReferenceExpression Server(IMySqlServerResource server) => ReferenceExpression.Create(
        $"Server={server.PrimaryEndpoint.Property(EndpointProperty.IPV4Host)};Port={server.PrimaryEndpoint.Property(EndpointProperty.Port)};User ID=root;Password={server.Password}");

    public static ReferenceExpression Database(IMySqlServerResource server, string databaseName) =>
        ReferenceExpression.Create($"{Server(server)};Database={databaseName}");
}
