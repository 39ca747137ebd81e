using Airline.Hosting.Local;
using Airline.TestSupport;
using MySqlConnector;

namespace Hosting.Tests;

public sealed class LocalMySqlServerTests
{
    [Fact]
    public async Task Initialises_starts_creates_a_database_and_keeps_data_across_restarts()
    {
        using var directory = new TemporaryDirectory("mysql");
        await using var mysql = new LocalMySqlServer(directory.Path);
        await mysql.StartAsync();

        await mysql.CreateDatabaseAsync("flightsdb");
        await mysql.CreateDatabaseAsync("flightsdb");
        await ExecuteAsync(mysql.GetConnectionString("flightsdb"), "CREATE TABLE t (id INT PRIMARY KEY); INSERT INTO t VALUES (42);");

        await mysql.StopAsync();
        Assert.False(await mysql.PingAsync());
        await mysql.StartAsync();

        Assert.Equal(42, await ExecuteAsync(mysql.GetConnectionString("flightsdb"), "SELECT id FROM t"));
    }

    [Fact]
    public async Task Refuses_a_wrong_password()
    {
        using var directory = new TemporaryDirectory("mysql");
        await using var mysql = new LocalMySqlServer(directory.Path);
        await mysql.StartAsync();

        var wrong = mysql.GetConnectionString().Replace(mysql.Password, "wrong", StringComparison.Ordinal);

        var error = await Assert.ThrowsAsync<MySqlException>(() => ExecuteAsync(wrong, "SELECT 1"));
        Assert.Equal(MySqlErrorCode.AccessDenied, error.ErrorCode);
    }

    [Fact]
    public async Task A_server_that_cannot_start_says_why()
    {
        using var directory = new TemporaryDirectory("mysql");
        await using var first = new LocalMySqlServer(directory.Path);
        await first.StartAsync();
        await using var second = new LocalMySqlServer(directory.Path + "-second", port: first.Port);

        var error = await Assert.ThrowsAsync<LocalServerFailedException>(() => second.StartAsync());

        Assert.Contains($"port {first.Port}", error.Message);
        Directory.Delete(directory.Path + "-second", recursive: true);
    }

    private static async Task<object?> ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
