using Aspire.Hosting;

namespace Airline.TestSupport.Servers;

/// <summary>A private MariaDB, as the AppHost runs it.</summary>
public sealed class MySqlServer() : BackingServer("mysql", builder => builder.AddMySql("mysql"))
{
    /// <summary>The connection string in the format services read from <c>ConnectionStrings__{database}</c>.</summary>
    public string GetConnectionString(string? database = null) =>
        $"Server={Host};Port={Port};User ID=root;Password={Password}" + (database is null ? string.Empty : $";Database={database}");
}
