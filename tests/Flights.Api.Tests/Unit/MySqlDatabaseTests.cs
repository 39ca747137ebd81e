using Flights.Api.Data;
using Microsoft.Extensions.Configuration;
using MySqlConnector;
using ServiceDefaults.MySql;

namespace Flights.Api.Tests.Unit;

public sealed class MySqlDatabaseTests
{
    [Fact]
    public void Without_a_connect_timeout_a_short_one_is_used()
    {
        var database = Configured("Server=db;Port=3307;User ID=root;Password=pw;Database=flightsdb");

        var builder = new MySqlConnectionStringBuilder(database.ConnectionString);
        Assert.Equal("flightsdb", database.Name);
        Assert.Equal(("db", 3307u, "flightsdb"), (builder.Server, builder.Port, builder.Database));
        Assert.InRange(builder.ConnectionTimeout, 1u, 5u);
    }

    [Theory]
    [InlineData("Connect Timeout=20")]
    [InlineData("Connection Timeout=20")]
    [InlineData("ConnectionTimeout=20")]
    public void A_configured_connect_timeout_is_kept(string setting)
    {
        var database = Configured($"Server=db;User ID=root;Password=pw;Database=flightsdb;{setting}");

        Assert.Equal(20u, new MySqlConnectionStringBuilder(database.ConnectionString).ConnectionTimeout);
    }

    [Fact]
    public void The_server_connection_selects_no_database()
    {
        var database = Configured("Server=db;User ID=root;Password=pw;Database=flightsdb");

        var builder = new MySqlConnectionStringBuilder(database.ServerConnectionString);
        Assert.Equal(("db", "root", "pw", string.Empty), (builder.Server, builder.UserID, builder.Password, builder.Database));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Server=db;User ID=root;Password=pw")]
    public void A_missing_connection_string_or_database_stops_the_service(string? connectionString)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Configured(connectionString));

        Assert.Contains("ConnectionStrings:flightsdb", error.Message, StringComparison.Ordinal);
    }

    private static MySqlDatabase<FlightsContext> Configured(string? connectionString) =>
        new(new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:flightsdb"] = connectionString })
                .Build(),
            FlightsContext.ConnectionName);
}
