using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using MySqlConnector;

namespace ServiceDefaults.MySql;

/// <summary>The MySQL database behind <typeparamref name="TContext"/>, as configured in <c>ConnectionStrings:{name}</c>.</summary>
public sealed class MySqlDatabase<TContext> where TContext : DbContext
{
    /// <summary>
    /// Used when the connection string sets none: a request while MySQL does not answer should get its 503
    /// in seconds, not after the driver's default 15 s.
    /// </summary>
    private const uint DefaultConnectionTimeoutSeconds = 3;

    public MySqlDatabase(IConfiguration configuration, string connectionName)
    {
        var connectionString = configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{connectionName} is not configured.");
        var builder = new MySqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(builder.Database))
        {
            throw new InvalidOperationException($"ConnectionStrings:{connectionName} names no database.");
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
