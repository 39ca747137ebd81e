using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MySqlConnector;

namespace Identity.Api.Data;

/// <summary>
/// Creates and migrates the database and registers the clients, scopes and agents before the service listens.
/// Replicas starting together take turns: each holds a server-wide named lock while it migrates and seeds.
/// </summary>
public sealed partial class IdentityDatabaseInitializer(
    IServiceProvider services,
    IdentityDatabase database,
    ILogger<IdentityDatabaseInitializer> logger) : IHostedService
{
    private static readonly TimeSpan ServerWaitLimit = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ServerRetryDelay = TimeSpan.FromSeconds(1);
    private const int LockTimeoutSeconds = 120;

    private string LockName => $"{database.Name}.migrations";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var server = await ConnectToServerAsync(cancellationToken);

        await CreateDatabaseAsync(server, cancellationToken);
        await AcquireLockAsync(server, cancellationToken);

        await using (var scope = services.CreateAsyncScope())
        {
            var context = scope.ServiceProvider.GetRequiredService<IdentityContext>();
            await context.Database.MigrateAsync(cancellationToken);

            await scope.ServiceProvider.GetRequiredService<IdentitySeeder>().SeedAsync(cancellationToken);
            LogReady(logger, database.Name);
        }

        // Should anything above fail, closing the connection releases the lock as well.
        await using var release = LockCommand(server, "SELECT RELEASE_LOCK(@name)");
        await release.ExecuteScalarAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<MySqlConnection> ConnectToServerAsync(CancellationToken cancellationToken)
    {
        var waiting = Stopwatch.StartNew();
        while (true)
        {
            var connection = new MySqlConnection(database.ServerConnectionString);
            try
            {
                await connection.OpenAsync(cancellationToken);
                return connection;
            }
            catch (MySqlException exception)
            {
                await connection.DisposeAsync();
                if (exception.ErrorCode == MySqlErrorCode.AccessDenied)
                {
                    throw; // Waiting will not fix the credentials.
                }

                if (waiting.Elapsed >= ServerWaitLimit)
                {
                    LogServerNeverAnswered(logger, ServerWaitLimit.TotalSeconds, exception);
                    throw new DependencyUnavailableException("MySQL", exception);
                }

                LogWaitingForServer(logger, exception.Message);
                await Task.Delay(ServerRetryDelay, cancellationToken);
            }
        }
    }

    private async Task CreateDatabaseAsync(MySqlConnection server, CancellationToken cancellationToken)
    {
        var quotedName = $"`{database.Name.Replace("`", "``", StringComparison.Ordinal)}`";
        await using var command = new MySqlCommand($"CREATE DATABASE IF NOT EXISTS {quotedName} CHARACTER SET utf8mb4", server);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task AcquireLockAsync(MySqlConnection server, CancellationToken cancellationToken)
    {
        // GET_LOCK answers 1 when taken, 0 when another replica still held it at the timeout, NULL on an error.
        await using var command = LockCommand(server, "SELECT IFNULL(GET_LOCK(@name, @timeout), 0)");
        command.Parameters.AddWithValue("@timeout", LockTimeoutSeconds);
        command.CommandTimeout = LockTimeoutSeconds + 30;

        if (Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) != 1)
        {
            throw new TimeoutException($"Could not take the lock {LockName} within {LockTimeoutSeconds} s.");
        }
    }

    private MySqlCommand LockCommand(MySqlConnection server, string sql)
    {
        var command = new MySqlCommand(sql, server);
        command.Parameters.AddWithValue("@name", LockName);
        return command;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Waiting for MySQL to answer: {Reason}")]
    private static partial void LogWaitingForServer(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Critical, Message = "MySQL did not answer within {Seconds} s; the service cannot start")]
    private static partial void LogServerNeverAnswered(ILogger logger, double seconds, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database {Database} is migrated; clients, scopes and agents are registered")]
    private static partial void LogReady(ILogger logger, string database);
}
