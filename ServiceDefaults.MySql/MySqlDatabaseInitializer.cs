using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MySqlConnector;

namespace ServiceDefaults.MySql;

/// <summary>
/// Creates, migrates and seeds the database before the service listens. Replicas starting together take
/// turns: each holds a server-wide named lock while it migrates and seeds.
/// </summary>
internal sealed partial class MySqlDatabaseInitializer<TContext>(
    IServiceProvider services,
    MySqlDatabase<TContext> database,
    IHostEnvironment environment,
    ILogger<MySqlDatabaseInitializer<TContext>> logger) : IHostedService, IDisposable
    where TContext : DbContext
{
    /// <summary>Named after the application, the source ServiceDefaults traces.</summary>
    private readonly ActivitySource _activitySource = new(environment.ApplicationName);

    private static readonly TimeSpan ServerWaitLimit = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ServerRetryDelay = TimeSpan.FromSeconds(1);
    private const int LockTimeoutSeconds = 120;

    private string LockName => $"{database.Name}.migrations";

    /// <summary>Each step is one root span of the trace list, with the driver's spans beneath it.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();

        // Should anything fail, closing the connection releases the lock as well.
        await using var server = await MigrateAsync(scope.ServiceProvider, cancellationToken);
        var seeder = scope.ServiceProvider.GetRequiredService<IDatabaseSeeder<TContext>>();

        using (_activitySource.StartActivity(seeder.StepName))
        {
            var seeded = await seeder.SeedAsync(scope.ServiceProvider.GetRequiredService<TContext>(), cancellationToken);
            LogReady(logger, database.Name, seeded);

            await using var release = LockCommand(server, "SELECT RELEASE_LOCK(@name)");
            await release.ExecuteScalarAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _activitySource.Dispose();

    /// <summary>Creates and migrates the database; answers the server connection that holds the lock.</summary>
    private async Task<MySqlConnection> MigrateAsync(IServiceProvider scope, CancellationToken cancellationToken)
    {
        using var activity = _activitySource.StartActivity($"migrate {database.Name}");
        var server = await ConnectToServerAsync(cancellationToken);
        try
        {
            await CreateDatabaseAsync(server, cancellationToken);
            await AcquireLockAsync(server, cancellationToken);
            await scope.GetRequiredService<TContext>().Database.MigrateAsync(cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

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

    [LoggerMessage(Level = LogLevel.Information, Message = "Database {Database} is migrated; {Seeded}")]
    private static partial void LogReady(ILogger logger, string database, string seeded);
}
