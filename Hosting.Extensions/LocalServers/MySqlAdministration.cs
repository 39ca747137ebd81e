using MySqlConnector;

namespace Airline.Hosting.LocalServers;

/// <summary>What the AppHost asks of a MySQL server, local or in a container.</summary>
public static class MySqlAdministration
{
    /// <summary>Whether the server takes connections now; false (not an exception) while it does not.</summary>
    public static async Task<bool> PingAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        var quick = new MySqlConnectionStringBuilder(connectionString) { ConnectionTimeout = 1, Pooling = false };
        try
        {
            await using var connection = new MySqlConnection(quick.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            return await connection.PingAsync(cancellationToken);
        }
        catch (MySqlException)
        {
            return false;
        }
    }

    public static async Task CreateDatabaseAsync(string connectionString, string database, CancellationToken cancellationToken = default)
    {
        if (!database.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            throw new ArgumentException("A database name may hold only ASCII letters, digits and underscores.", nameof(database));
        }

        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new MySqlCommand($"CREATE DATABASE IF NOT EXISTS `{database}`", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
