using Airline.Hosting.Restarts;
using Airline.TestSupport;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using MySqlConnector;

namespace Hosting.Extensions.Tests;

/// <summary><c>mariadbd</c> as a local process of a real Aspire app model, with databases created for what waits on them.</summary>
public sealed class LocalMySqlTests : IDisposable
{
    private readonly TemporaryDirectory _data = new("mysql-tests");
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(1));

    public void Dispose()
    {
        _timeout.Dispose();
        _data.Dispose();
    }

    [Fact]
    public async Task A_program_that_waits_for_a_database_finds_it_created_and_a_killed_server_comes_back_with_its_rows()
    {
        await using var builder = EmptyAppModel.Create(_data.Path);
        var mysql = builder.AddMySql("mysql").WithDataVolume().WithRestartPolicy(RestartPolicy.OnFailure());
        var database = mysql.AddDatabase("appdb");
        // The mariadb client connects to the database by name and fails if it does not exist yet.
        builder.AddExecutable("client", "sh", _data.Path, "-c", "mariadb --host=\"$HOST\" --port=\"$PORT\" --user=root --password=\"$PASSWORD\" appdb -e 'SELECT 1'")
            .WithEnvironment("HOST", "127.0.0.1")
            .WithEnvironment(context =>
            {
                context.EnvironmentVariables["PORT"] = mysql.Resource.PrimaryEndpoint.Property(EndpointProperty.Port);
                context.EnvironmentVariables["PASSWORD"] = mysql.Resource.Password;
            })
            .WaitFor(database);
        await using var app = await builder.BuildAsync();
        await app.StartAsync(_timeout.Token);

        var client = await app.ResourceNotifications.WaitForResourceAsync("client", resource => resource.HasEnded(), _timeout.Token);
        Assert.Equal(0, client.Snapshot.ExitCode);

        var connectionString = await database.Resource.ConnectionStringExpression.GetValueAsync(_timeout.Token);
        await ExecuteAsync(connectionString!, "CREATE TABLE kept (id INT PRIMARY KEY); INSERT INTO kept VALUES (42)");
        var first = await app.ResourceNotifications.WaitForResourceHealthyAsync("mysql", _timeout.Token);
        await ProcessSignals.SendAsync("KILL", first.ProcessId());
        await app.ResourceNotifications.WaitForResourceAsync("mysql", resource => resource.IsRunning() && resource.Restarts() == 1, _timeout.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("mysql", _timeout.Token);

        Assert.Equal(42, await ScalarAsync(connectionString!, "SELECT id FROM kept"));
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<int> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand(sql, connection);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
