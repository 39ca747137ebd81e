using MySqlConnector;

namespace Identity.Api.Data;

/// <summary>The MySQL database of this service, as configured in <c>ConnectionStrings:identitydb</c>.</summary>
public sealed class IdentityDatabase
{
    public const string ConnectionName = "identitydb";

    /// <summary>
    /// Used when the connection string sets none: a request while MySQL does not answer should get its 503
    /// in seconds, not after the driver's default 15 s.
    /// </summary>
    private const uint DefaultConnectionTimeoutSeconds = 3;

    public IdentityDatabase(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ConnectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionName} is not configured.");
        var builder = new MySqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(builder.Database))
        {
            throw new InvalidOperationException($"ConnectionStrings:{ConnectionName} names no database.");
        }

        if (!builder.ContainsKey("Connection Timeout"))
        {
            builder.ConnectionTimeout = DefaultConnectionTimeoutSeconds;
        }

        Name = builder.Database;
        ConnectionString = builder.ConnectionString;

        builder.Database = string.Empty;
        builder.Pooling = false;
        ServerConnectionString = builder.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    /// <summary>Connects to the server without selecting the database, which may not exist yet.</summary>
    public string ServerConnectionString { get; }
}
